using EgmEcc.Wording;

namespace EgmEcc;

/// <summary>
/// What is wrong with a setting: which one, the value given, and the rule it breaks, in a message
/// that names settings through <see cref="SettingMention"/>s so that each front end can render it
/// with its own names (<see cref="Render"/>).
/// </summary>
public sealed class SettingError
{
    /// <summary>Creates an error about <paramref name="setting"/>.</summary>
    /// <param name="setting">The setting at fault.</param>
    /// <param name="value">The value given, or null when the fault is not one value.</param>
    /// <param name="text">The message; its <see cref="SettingMention"/> arguments name settings.</param>
    public SettingError(Setting setting, object? value, FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Setting = setting;
        Value = value;
        Text = text;
    }

    /// <summary>The setting at fault.</summary>
    public Setting Setting { get; }

    /// <summary>The value given (a size, a count, a number), or null when the fault is not one value.</summary>
    public object? Value { get; }

    /// <summary>The message, with the settings it mentions as <see cref="SettingMention"/> arguments.</summary>
    public FormattableString Text { get; }

    /// <summary>The message in domain words: "the retirement granule must be a power of two, not 65K".</summary>
    public string Message => SettingNames.Domain.Render(Text);

    /// <summary>The message with settings named by <paramref name="names"/>.</summary>
    public string Render(SettingNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Render(Text);
    }

    /// <summary>Throws this error as a <see cref="SettingException"/>.</summary>
    public SettingException ToException() => new(this);

    /// <inheritdoc cref="Message"/>
    public override string ToString() => Message;
}

/// <summary>
/// A setting that cannot be used (a granule that is not a power of two, no trials, a guest base
/// between guest pages). Its <see cref="Exception.Message"/> is in domain words; a command line
/// renders <see cref="Error"/> with its flags and exits as for any usage error.
/// </summary>
public sealed class SettingException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public SettingException(SettingError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message)
    {
        Error = error;
    }

    /// <summary>What is wrong, and with which setting.</summary>
    public SettingError Error { get; }

    /// <summary>The setting at fault.</summary>
    public Setting Setting => Error.Setting;
}
