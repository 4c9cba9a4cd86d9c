using System.Globalization;

namespace EgmEcc.Wording;

/// <summary>How a message refers to a setting.</summary>
public enum MentionStyle
{
    /// <summary>As a noun: "the retirement granule must be a power of two" (a command line: its flag).</summary>
    Name,

    /// <summary>As the way to give it: "name its region explicitly" (a command line: "with" and its flag).</summary>
    Means,

    /// <summary>As a note after a figure that comes from it: nothing in domain words (a command line: its flag).</summary>
    Aside,
}

/// <summary>
/// One mention of a setting inside a message (a <see cref="FormattableString"/> argument): the
/// message is rendered by a <see cref="SettingNames"/>, which decides the words.
/// </summary>
/// <param name="Setting">The setting mentioned.</param>
/// <param name="Style">How the sentence refers to it.</param>
public readonly record struct SettingMention(Setting Setting, MentionStyle Style)
{
    /// <summary>The mention in domain words.</summary>
    public override string ToString() => SettingNames.Domain.Name(Setting, Style);
}

/// <summary>
/// Names settings in messages. The library's messages speak of settings in domain words
/// (<see cref="Domain"/>); a front end renders the same messages with its own names, a command
/// line with its flags, by deriving from this class and passing it to <c>Render</c>.
/// </summary>
/// <remarks>
/// Every other argument of a message is formatted in the invariant culture, as the domain
/// rendering does, so the two renderings differ only in how they name settings.
/// </remarks>
public abstract class SettingNames : IFormatProvider, ICustomFormatter
{
    /// <summary>Domain words: "the retirement granule", "explicitly", and no asides.</summary>
    public static SettingNames Domain { get; } = new DomainNames();

    /// <summary>The words for <paramref name="setting"/> mentioned in <paramref name="style"/>.</summary>
    public abstract string Name(Setting setting, MentionStyle style);

    /// <summary><paramref name="text"/> with every setting it mentions named by this instance.</summary>
    public string Render(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(this);
    }

    object? IFormatProvider.GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

    string ICustomFormatter.Format(string? format, object? arg, IFormatProvider? formatProvider) => arg switch
    {
        SettingMention mention => Name(mention.Setting, mention.Style),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => arg?.ToString() ?? string.Empty,
    };

    private sealed class DomainNames : SettingNames
    {
        public override string Name(Setting setting, MentionStyle style) => style switch
        {
            MentionStyle.Means => Messages.Explicitly,
            MentionStyle.Aside => string.Empty,
            _ => Messages.SettingName(setting),
        };
    }
}
