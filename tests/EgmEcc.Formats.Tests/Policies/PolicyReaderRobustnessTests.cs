using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Policies;
using EgmEcc.Policies;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests.Policies;

/// <summary>
/// Whatever the text, the policy reader reads rules or throws its typed error: an
/// <see cref="InputException"/> for a file, a <see cref="SettingException"/> for a rule on its own,
/// never anything the command line would report as an internal error. Seeded, as every property.
/// </summary>
public class PolicyReaderRobustnessTests
{
    // The grammar's pieces, so random text reaches deep into a rule, and the edges of numbers and text.
    private static readonly string[] Pieces =
    [
        "info", "warning", "critical", "CRITICAL", "rma-total", "a_b", ":", ":", " ", " ", "\t", "\n", "\n", "\r\n", "#",
        "retired", "retired[", "30d", "0d", "]", "at-risk", "usable%", "usable", "huge[", "1G", "3M", "vm-fit", "table", "table-left",
        "<", "<=", ">", ">=", "=", "!", "0", "62", "99.5", "100", "100.0001", "%", "0x", "ffffffffffffffff", "18446744073709551616",
        "2T", "-", "_", ".", "e", "K", "\uFEFF", "é", "\u0000", "[", "]", "99999999999999999999999999999999",
    ];

    // Each part of a rule from its own words (good and bad ones), or noise: most cases get far into the grammar.
    private static readonly string[][] Slots =
    [
        ["info", "warning", "critical", "Warning", "fatal", ""],
        [" ", "  ", "\t", ""],
        ["rma-total", "a_b", "x", "rma total", ".x", ""],
        [":", " : ", "", "::"],
        ["retired", "retired[30d]", "retired[0d]", "retired[36526d]", "retired[99999999999d]", "retired[d]", "at-risk", "usable%", "usable", "huge[1G]", "huge[3M]", "huge[0]", "huge[]", "huge[16E]", "vm-fit", "table", "table-left", "Table-Left", ""],
        [" < ", "<=", ">", " >= ", "=", "=>", " ! ", ""],
        ["0", "62", "99.5", "100", "100.0001", "100%", "99.5 %", "0x10", "2T", "18446744073709551615", "18446744073709551616", "-1", "1e2", ".5", "5.", "99999999999999999999999999999999.9", " ", ""],
        ["", "", " # note", "#", " x"],
    ];

    private static readonly Gen<string> Noise = Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts));

    private static readonly Gen<string> Rulish = Slots.Aggregate(
        Gen.Constant(string.Empty),
        (text, words) => from head in text from part in Gen.Frequency((6, Gen.Elements(words)), (1, Noise)) select head + part);

    private static readonly Gen<string> Texts = Gen.Frequency((3, Rulish), (1, Noise));

    private static readonly Gen<string> Files = Gen.Frequency((3, Rulish), (1, Noise)).ListOf().Select(lines => string.Join('\n', lines));

    [Fact]
    public void ParseRule_AnyText_ReadsOrThrowsASettingError()
    {
        Properties.Check(Texts, text =>
        {
            try
            {
                var rule = PolicyReader.ParseRule(text);
                Assert.Equal(rule.ToString(), PolicyReader.ParseRule(rule.ToString()).ToString());
            }
            catch (SettingException e)
            {
                Assert.Equal(Setting.PolicyRule, e.Setting);
            }
        }, 2000);
    }

    [Fact]
    public void Read_AnyText_ReadsOrThrowsAnInputError()
    {
        Properties.Check(Files, text => ReadsOrRejects(Encoding.UTF8.GetBytes(text)), 1000);
    }

    [Fact]
    public void Read_AnyBytes_ReadsOrThrowsAnInputError()
    {
        Properties.Check(ArbMap.Default.GeneratorFor<byte[]>(), ReadsOrRejects, 300);
    }

    [Fact]
    public void AnyRule_ReadsBackFromItsText()
    {
        var figures = Gen.OneOf(
            Gen.Elements(PolicyFigureKind.Retired, PolicyFigureKind.AtRisk, PolicyFigureKind.Usable, PolicyFigureKind.VmFit, PolicyFigureKind.Table, PolicyFigureKind.TableLeft).Select(PolicyFigure.Of),
            Gen.Choose(1, PolicyFigure.MaxDays).Select(PolicyFigure.RetiredIn),
            Gen.Choose(0, 63).Select(shift => PolicyFigure.HugePagesOf(1UL << shift)));
        var rules =
            from severity in Gen.Elements(PolicySeverity.Info, PolicySeverity.Warning, PolicySeverity.Critical)
            from name in Gen.Elements("a", "rma-total", "Z_9", "-").NonEmptyListOf().Select(p => string.Concat(p))
            from figure in figures
            from op in Gen.Elements(PolicyOperator.Less, PolicyOperator.LessOrEqual, PolicyOperator.Greater, PolicyOperator.GreaterOrEqual)
            from threshold in ArbMap.Default.GeneratorFor<ulong>()
            select new PolicyRule(severity, name, figure, op, threshold);

        Properties.Check(rules, rule => Assert.Equal(rule, PolicyReader.ParseRule(rule.ToString())), 500);
    }

    private static void ReadsOrRejects(byte[] bytes)
    {
        try
        {
            Assert.NotEmpty(PolicyReader.Read(InputFile.FromBytes("p.txt", bytes)));
        }
        catch (InputException e)
        {
            Assert.StartsWith("p.txt", e.ToString(), StringComparison.Ordinal);
        }
    }
}
