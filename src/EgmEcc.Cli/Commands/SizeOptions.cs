using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EgmEcc.Cli.Commands;

/// <summary>Options whose values are sizes or addresses, parsed the way input files are (<c>64K</c>, <c>0x10000</c>).</summary>
internal static class SizeOptions
{
    /// <summary>A size option; a bad value is a usage error naming the flag.</summary>
    public static Option<ByteSize?> Size(string name, string description, string helpName = "SIZE") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => ParseOne(result, size: true),
    };

    /// <summary>An address option (no suffixes).</summary>
    public static Option<ByteSize?> Address(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "ADDR",
        CustomParser = result => ParseOne(result, size: false),
    };

    /// <summary>A comma-separated list of sizes (<c>2M,32M,512M,1G</c>).</summary>
    public static Option<ByteSize[]?> SizeList(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SIZES",
        CustomParser = result =>
        {
            var sizes = new List<ByteSize>();
            foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (ByteSize.TryParse(part, out var size) is { } error)
                {
                    result.AddError($"{name}: {error}");
                    return null;
                }

                sizes.Add(size);
            }

            return [.. sizes];
        },
    };

    /// <summary>
    /// A percentage in [0, 100], with or without a trailing <c>%</c> (<c>50</c>, <c>50%</c>,
    /// <c>99.9998</c>); one parser for every percentage flag, so they all accept the same text.
    /// </summary>
    public static Option<double?> Percent(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "PCT",
        CustomParser = result =>
        {
            var given = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            var text = given.EndsWith('%') ? given[..^1] : given;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) || !(pct is >= 0 and <= 100))
            {
                result.AddError($"{name}: '{given}' is not a percentage in [0, 100]");
                return null;
            }

            return pct;
        },
    };

    private static ByteSize? ParseOne(ArgumentResult result, bool size)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var error = size ? Numbers.TryParseSize(text, out var value) : Numbers.TryParseUInt64(text, out value);
        if (error is not null)
        {
            result.AddError($"{((OptionResult)result.Parent!).Option.Name}: {error}");
            return null;
        }

        return new ByteSize(value);
    }
}
