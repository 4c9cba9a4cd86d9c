namespace EgmEcc.Cli.Tests;

/// <summary>The fleet text table: header, rules and rows share their columns.</summary>
public partial class FleetCommandTests
{
    [Theory]
    [InlineData("--min-usable", "99.6", "--vm-shape", "2x200G@512M")]
    [InlineData("--vm-shape", "2x200G@512M")]
    [InlineData("--min-usable", "99.6")]
    [InlineData]
    public void Fleet_TextTable_HeaderRulesAndRowsLineUp(params string[] flags)
    {
        var run = Cli.Run(["fleet", "--dir", Tree, .. flags]);
        Assert.Equal(0, run.Exit);

        var lines = run.Out.Split('\n').TakeWhile(line => line.Length > 0).ToArray();
        var rule = lines[1];
        Assert.Matches("^-[- ]*-$", rule);
        var columns = Columns(rule);
        Assert.Equal(rule, lines[^2]);
        foreach (var line in lines.Where(line => line != rule))
        {
            Assert.True(line.Length <= rule.Length, $"'{line}' is wider than its rule");
            for (var i = 0; i < line.Length; i++)
            {
                Assert.True(line[i] == ' ' || columns.Any(c => i >= c.Start && i < c.End), $"'{line}' has text at {i}, between the rule's columns");
            }
        }

        // Every column the rule draws has a header over it.
        var header = lines[0];
        Assert.All(columns, c => Assert.False(string.IsNullOrWhiteSpace(header[c.Start..Math.Min(c.End, header.Length)]), $"no header over the column at {c.Start}"));
        Assert.Equal(flags.Contains("--min-usable"), header.EndsWith(" flag", StringComparison.Ordinal));

        // And no column is wider than its widest cell: some line fills its first and its last character.
        Assert.All(columns, c => Assert.Contains(lines, line => line.Length > c.Start && line[c.Start] != ' '));
        Assert.All(columns, c => Assert.Contains(lines, line => line.Length >= c.End && line[c.End - 1] != ' '));
    }

    private static List<(int Start, int End)> Columns(string rule)
    {
        var columns = new List<(int Start, int End)>();
        for (var i = 0; i < rule.Length;)
        {
            var start = i;
            while (i < rule.Length && rule[i] == '-')
            {
                i++;
            }

            columns.Add((start, i));
            while (i < rule.Length && rule[i] == ' ')
            {
                i++;
            }
        }

        return columns;
    }
}
