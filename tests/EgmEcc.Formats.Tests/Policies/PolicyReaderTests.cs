using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Policies;
using EgmEcc.Policies;

namespace EgmEcc.Formats.Tests.Policies;

/// <summary>The rule grammar of docs/design.md §4.14, for a policy file and for one rule on its own.</summary>
public class PolicyReaderTests
{
    [Theory]
    [InlineData("critical rma-total: retired >= 62", "critical rma-total: retired >= 62")]
    [InlineData("critical rma-recent: retired[30d] >= 5", "critical rma-recent: retired[30d] >= 5")]
    [InlineData("warning  low-usable: usable% < 99.5", "warning low-usable: usable% < 99.5")]
    [InlineData("critical table-cliff: table >= 3584", "critical table-cliff: table >= 3584")]
    [InlineData("info left:table-left<=512", "info left: table-left <= 512")]
    [InlineData("WARNING Small_1 : USABLE < 0x200_0000_0000", "warning Small_1: usable < 2T")]
    [InlineData("warning few: huge[1GiB] < 400", "warning few: huge[1G] < 400")]
    [InlineData("info fit: vm-fit > 0", "info fit: vm-fit > 0")]
    [InlineData("info risk: at-risk > 10   # corrected errors", "info risk: at-risk > 10")]
    [InlineData("\twarning pct: usable% <= 99.50 %", "warning pct: usable% <= 99.50")]
    public void Rule_ReadsToItsCanonicalForm(string text, string canonical)
    {
        var rule = PolicyReader.ParseRule(text);

        Assert.Equal(canonical, rule.ToString());
        Assert.Null(rule.Source);
        Assert.Equal(rule.ToString(), PolicyReader.ParseRule(rule.ToString()).ToString());
    }

    [Fact]
    public void Rule_HasItsParts()
    {
        var rule = PolicyReader.ParseRule("critical rma-recent: retired[30d] > 5");

        Assert.Equal((PolicySeverity.Critical, "rma-recent", PolicyFigureKind.RetiredWindow, 30, PolicyOperator.Greater, 5m), (rule.Severity, rule.Name, rule.Figure.Kind, rule.Figure.Days, rule.Operator, rule.Threshold));
    }

    [Theory]
    [InlineData("", "the rule is empty; expected SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62'")]
    [InlineData("# just a comment", "the rule is empty; expected SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62'")]
    [InlineData("rma-total: retired >= 62", "'rma-total' is not a severity; a rule starts with info, warning or critical (SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62')")]
    [InlineData("critical", "expected a rule name after 'critical' (SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62')")]
    [InlineData("critical: retired >= 62", "expected a rule name after 'critical' (SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62')")]
    [InlineData("critical .x: retired >= 62", "'.x:' is not a rule name: letters, digits, '-' and '_', then ':'")]
    [InlineData("critical rma total: retired >= 62", "expected ':' after the rule name 'rma' (a name is letters, digits, '-' and '_')")]
    [InlineData("critical rma:", "expected a figure after 'rma:': retired, retired[Nd], at-risk, usable%, usable, huge[SIZE], vm-fit, table or table-left")]
    [InlineData("critical rma: retierd >= 62", "'retierd' is not a figure; expected retired, retired[Nd], at-risk, usable%, usable, huge[SIZE], vm-fit, table or table-left")]
    [InlineData("critical rma: retired[30] >= 5", "'retired[30]': the window is a number of days from 1 to 36525, such as retired[30d]")]
    [InlineData("critical rma: retired[0d] >= 5", "'retired[0d]': the window is a number of days from 1 to 36525, such as retired[30d]")]
    [InlineData("critical rma: retired[36526d] >= 5", "'retired[36526d]': the window is a number of days from 1 to 36525, such as retired[30d]")]
    [InlineData("critical rma: usable[30d] >= 5", "'usable[30d]' is not a figure; expected retired, retired[Nd], at-risk, usable%, usable, huge[SIZE], vm-fit, table or table-left")]
    [InlineData("warning few: huge[3M] < 1", "'huge[3M]': the hugepage size must be a power of two")]
    [InlineData("warning few: huge[1Q] < 1", "'huge[1Q]': '1Q' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("critical rma: retired = 62", "expected <, <=, > or >= after 'retired', not '='")]
    [InlineData("critical rma: retired", "expected <, <=, > or >= after 'retired'")]
    [InlineData("critical rma: retired >=", "expected a value after 'retired >='")]
    [InlineData("critical rma: retired >= 6 2", "the value of retired: '6 2' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("critical rma: retired >= 62K", "the value of retired: '62K' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("critical rma: retired >= -1", "the value of retired: '-1' is negative; addresses and sizes are unsigned")]
    [InlineData("warning low: usable% < 101", "usable% takes a percentage from 0 to 100, such as 99.5, not '101'")]
    [InlineData("warning low: usable% < 1e2", "usable% takes a percentage from 0 to 100, such as 99.5, not '1e2'")]
    [InlineData("warning low: usable < 2X", "the value of usable: '2X' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    public void BadRule_SaysWhatIsWrong(string text, string error)
    {
        var e = Assert.Throws<SettingException>(() => PolicyReader.ParseRule(text));

        Assert.Equal(Setting.PolicyRule, e.Setting);
        Assert.Equal($"the rule '{text}': {error}", e.Message);
    }

    [Fact]
    public void RuleOnItsOwn_TakingANameAlreadyRead_IsASettingError()
    {
        var earlier = Read("critical rma: retired >= 62\n");

        var e = Assert.Throws<SettingException>(() => PolicyReader.ParseRule("warning rma: retired >= 1", earlier));

        Assert.Equal("the rule 'warning rma: retired >= 1': rule 'rma' is already defined at p.txt:1", e.Message);
    }

    [Fact]
    public void File_ReadsEveryRuleWithItsLine_SkippingCommentsAndBlankLines()
    {
        var rules = Read("\uFEFF# fleet policy\n\ncritical rma-total: retired >= 62  # public RMA rule\r\n   \nwarning low: usable% < 99.5\n");

        Assert.Equal(["critical rma-total: retired >= 62 @ p.txt:3", "warning low: usable% < 99.5 @ p.txt:5"], rules.Select(r => $"{r} @ {r.Source}"));
    }

    [Theory]
    [InlineData("critical a: retired >= 1\ncritical b: retierd >= 1\n", "p.txt:2: 'retierd' is not a figure; expected retired, retired[Nd], at-risk, usable%, usable, huge[SIZE], vm-fit, table or table-left")]
    [InlineData("critical a: retired >= 1\n\ninfo a: retired >= 2\n", "p.txt:3: rule 'a' is already defined at p.txt:1")]
    [InlineData("# nothing\n\n", "p.txt: no rule in the file; expected lines of SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62'")]
    [InlineData("", "p.txt: no rule in the file; expected lines of SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62'")]
    [InlineData("critical a: retired >= 1\ncri\0tical", "p.txt:2: a NUL byte at column 4: this is binary data, not a policy file")]
    public void BadFile_IsAnInputErrorAtItsLine(string text, string error)
    {
        var e = Assert.Throws<InputException>(() => Read(text));

        Assert.Equal(error, e.ToString());
    }

    [Fact]
    public void File_NotUtf8_IsAnInputErrorAtItsLine()
    {
        var e = Assert.Throws<InputException>(() => PolicyReader.Read(InputFile.FromBytes("p.txt", [.. "info a: retired > 1\n"u8, 0xff, (byte)'\n'])));

        Assert.Equal("p.txt:2: the line is not UTF-8 text", e.ToString());
    }

    [Fact]
    public void File_WithALineLongerThanTheLimit_IsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => Read("info a: retired > 1\n" + new string('x', 70_000) + "\n"));

        Assert.Equal("p.txt:2: the line is longer than 65536 bytes: this is not a policy file", e.ToString());
    }

    [Fact]
    public void File_TakingANameOfAnEarlierFile_IsAnInputError()
    {
        var earlier = PolicyReader.Read(InputFile.FromBytes("first.txt", "info x: retired > 1\ninfo y: retired > 1\n"u8.ToArray()));

        var e = Assert.Throws<InputException>(() => Read("info z: retired > 1\ninfo y: table > 1\n", earlier));

        Assert.Equal("p.txt:2: rule 'y' is already defined at first.txt:2", e.ToString());
    }

    [Fact]
    public void File_OfMoreRulesThanTheLimit_IsAnInputErrorAtTheFirstOneTooMany()
    {
        var text = new StringBuilder();
        for (var i = 0; i <= PolicyReader.MaxRules; i++)
        {
            text.Append("info r").Append(i).Append(": retired > 1\n");
        }

        var e = Assert.Throws<InputException>(() => Read(text.ToString()));

        Assert.Equal($"p.txt:{PolicyReader.MaxRules + 1}: more than 1000 rules; a policy is a short list an operator can read", e.ToString());
    }

    private static System.Collections.Immutable.ImmutableArray<PolicyRule> Read(string text, IReadOnlyCollection<PolicyRule>? earlier = null) =>
        PolicyReader.Read(InputFile.FromBytes("p.txt", Encoding.UTF8.GetBytes(text)), earlier);
}
