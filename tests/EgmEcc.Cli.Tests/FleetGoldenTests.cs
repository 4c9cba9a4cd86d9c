using System.Text;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// The fleet verbs' outputs on the sample fleet, byte for byte. Regenerate deliberately with
/// <c>EGMECC_UPDATE_GOLDEN=1 dotnet test tests/EgmEcc.Cli.Tests</c>.
/// </summary>
public class FleetGoldenTests
{
    private static readonly string Tree = Cli.Data("fleet", "hosts");

    [Theory]
    [InlineData("fleet.text", "fleet", "--vm-shape", "2x200G@512M", "--min-usable", "99.6")]
    [InlineData("fleet.csv", "fleet", "--vm-shape", "2x200G@512M", "--min-usable", "99.6", "--format", "csv")]
    [InlineData("fleet.json", "fleet", "--vm-shape", "2x200G@512M", "--min-usable", "99.6", "--format", "json")]
    [InlineData("forecast.text", "forecast", "--rate", "500", "--horizon", "3", "--spread", "clustered", "--trials", "200", "--vm-shape", "2x200G@512M", "--huge-pages", "512M,1G")]
    [InlineData("forecast.json", "forecast", "--rate", "500", "--horizon", "3", "--trials", "100", "--vm-shape", "2x200G@512M", "--format", "json")]
    public void Output_SampleFleet_MatchesGolden(string golden, params string[] args)
    {
        var run = Cli.Run([args[0], "--dir", Tree, .. args[1..]]);
        Assert.Equal(0, run.Exit);
        Golden.Check(golden, run.Out);
    }
}
