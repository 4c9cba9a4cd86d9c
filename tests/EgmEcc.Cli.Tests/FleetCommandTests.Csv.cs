using System.Globalization;
using System.Text.Json;

namespace EgmEcc.Cli.Tests;

public partial class FleetCommandTests
{
    // Regression: belowThreshold was 'false' on host rows but '0' on the fleet row, and usablePercent
    // had two decimals where the JSON has four: a column must read alike on every row.
    [Fact]
    public void FleetCsv_EveryColumn_HasOneTypeAndTheJsonPrecision()
    {
        string[] args = ["fleet", "--dir", Tree, "--min-usable", "99.6"];
        var csv = Cli.Run([.. args, "--format", "csv"]);
        using var json = JsonDocument.Parse(Cli.Run([.. args, "--format", "json"]).Out);
        Assert.Equal(0, csv.Exit);

        var lines = csv.Out.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var rows = lines[1..].Select(l => l.Split(',')).ToArray();
        var below = Array.IndexOf(header, "belowThreshold");
        var percent = Array.IndexOf(header, "usablePercent");

        Assert.Equal(["0", "0", "1", "0", "1"], rows.Select(r => r[below]).ToArray());
        var jsonPercents = json.RootElement.GetProperty("hosts").EnumerateArray()
            .Append(json.RootElement.GetProperty("totals"))
            .Select(h => h.GetProperty("usablePercent").GetDouble())
            .ToArray();
        Assert.All(rows, r => Assert.Matches(@"^\d+\.\d{4}$", r[percent]));
        Assert.Equal(jsonPercents, rows.Select(r => double.Parse(r[percent], CultureInfo.InvariantCulture)).ToArray());
    }
}
