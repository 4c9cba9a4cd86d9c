using System.Text;
using EgmEcc.Formats.History;
using EgmEcc.Formats.Output.Documents;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// The fleet verbs' outputs on the sample fleet, byte for byte. Regenerate deliberately with
/// <c>EGMECC_UPDATE_GOLDEN=1 dotnet test tests/EgmEcc.Cli.Tests</c>.
/// </summary>
public class FleetGoldenTests
{
    private static readonly string Tree = Cli.Data("fleet", "hosts");

    [Theory]
    [InlineData("forecast.text", "forecast", "--rate", "500", "--horizon", "3", "--spread", "clustered", "--trials", "200", "--vm-shape", "2x200G@512M", "--huge-pages", "512M,1G")]
    [InlineData("forecast.json", "forecast", "--rate", "500", "--horizon", "3", "--trials", "100", "--vm-shape", "2x200G@512M", "--format", "json")]
    public void Output_SampleFleet_MatchesGolden(string golden, params string[] args)
    {
        var run = Cli.Run([args[0], "--dir", Tree, .. args[1..]]);
        Assert.Equal(0, run.Exit);
        Golden.Check(golden, run.Out);
    }

    /// <summary>Every registered fleet and forecast format, so a new writer has a golden file the day it is registered.</summary>
    public static TheoryData<string, string> RegisteredFormats()
    {
        var formats = new TheoryData<string, string>();
        foreach (var name in FleetWriters.All.Names)
        {
            formats.Add("fleet", name);
        }

        foreach (var name in ForecastWriters.All.Names)
        {
            formats.Add("forecast", name);
        }

        foreach (var name in HistoryWriters.All.Names)
        {
            formats.Add("history", name);
        }

        return formats;
    }

    [Theory]
    [MemberData(nameof(RegisteredFormats))]
    public void Output_EveryRegisteredFormat_HasAGoldenFileItMatches(string verb, string format)
    {
        var golden = $"every-format/{verb}.{format}";
        Assert.True(Golden.Updating || Golden.Exists(golden), $"no golden file {golden} for the registered {verb} format '{format}'");
        var run = Cli.Run(RegisteredFormatArguments(verb, format));

        Assert.Equal(0, run.Exit);
        Golden.Check(golden, run.Out);
    }

    /// <summary>The command line of one registered format's golden file; the native binary's tests run them too.</summary>
    internal static string[] RegisteredFormatArguments(string verb, string format)
    {
        if (verb == "history")
        {
            // The sample series, named from the repository's root so that its snapshots' names are the same everywhere.
            return [verb, "data/history", "--vm-shape", "2x200G@512M", "--format", format];
        }

        string[] options = verb == "fleet"
            ? ["--vm-shape", "2x200G@512M", "--min-usable", "99.6"]
            : ["--rate", "500", "--horizon", "3", "--trials", "100", "--vm-shape", "2x200G@512M"];
        return [verb, "--dir", Tree, .. options, "--format", format];
    }
}
