using EgmEcc.Wording;

namespace EgmEcc;

/// <summary>
/// A problem with the user's input: a malformed line, an impossible region, a record that names a
/// region nobody defined. The command line prints it as <c>egmecc: error: LOCATION: message</c>
/// and exits with code 2; it is never a bug in EgmEcc.
/// </summary>
/// <remarks>
/// A message that says which setting would resolve the problem ("name its region explicitly")
/// mentions it as a <see cref="SettingMention"/>; <see cref="Exception.Message"/> is in domain
/// words, and a front end renders it with its own names through <see cref="Render"/>.
/// </remarks>
public sealed class InputException : Exception
{
    private readonly FormattableString? text;

    /// <summary>Creates an input error at a location.</summary>
    public InputException(SourceLocation location, string message)
        : base(message)
    {
        Location = location;
    }

    /// <summary>Creates an input error at a location, with a message that mentions settings.</summary>
    /// <remarks>
    /// Pass a <see cref="FormattableString"/> variable or method result: an interpolated string
    /// written in the call binds to the <see cref="string"/> overload, rendered in domain words once.
    /// </remarks>
    public InputException(SourceLocation location, FormattableString text)
        : base(SettingNames.Domain.Render(text))
    {
        Location = location;
        this.text = text;
    }

    /// <summary>Where the bad input is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The message with the settings it mentions named by <paramref name="names"/>.</summary>
    public string Render(SettingNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return text is null ? Message : names.Render(text);
    }

    /// <summary>The one-line form printed after <c>egmecc: error: </c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
