using System.Text;
using EgmEcc.Formats.Inputs;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Pipeline.Tests;

/// <summary>
/// Structured fuzzing of the whole ingestion and planning path: well-formed CSV and JSON whose
/// values are mostly plausible for their column (so that planning is reached) and sometimes
/// awkward (blank, negative, huge, the top of the address space, wrong types). Planning either
/// succeeds, with balanced accounting, or raises <see cref="InputException"/>; anything else
/// would reach the user as an internal error.
/// </summary>
public partial class HostInputsTests
{
    private static readonly string[] Awkward = ["", " ", "-1", "0xffffffffffffffff", "18446744073709551615", "2147483648", "1.5", "0x", "K", "egm0"];

    private static readonly Dictionary<string, string[]> Plausible = new()
    {
        ["id"] = ["egm0", "egm1", "egm2", "top"],
        ["node"] = ["0", "1", "2", "0x3"],
        ["base"] = ["0", "0x100000", "0x1_0000_0000", "0xfffffffffff00000", "0xffffffffffff0000", "0x40000"],
        ["size"] = ["4K", "64K", "0x10000", "128K", "1M", "1", "0x30001", "2M"],
        ["guestSize"] = ["64K", "512K", "1"],
        ["host"] = ["h1", "h2"],
        ["region"] = ["egm0", "egm1", "egm2", "top"],
        ["offset"] = ["0", "0x10000", "0xfffff", "0xf0000", "0x100000", "0xfffffffffffff000"],
        ["address"] = ["0", "0x10000", "0x100000", "0x1_0000_8000", "0xfffffffffff0f000", "0xffffffffffffffff", "0xfffffffffffff000"],
    };

    private static Gen<string> ValueOf(string column) =>
        Gen.Frequency((30, Gen.Elements(Plausible[column])), (1, Gen.Elements(Awkward)));

    private static Gen<string> JsonValueOf(string column) =>
        Gen.Frequency(
            (30, ValueOf(column).Select(v => v.Length > 0 && v.All(char.IsDigit) ? v : $"\"{v}\"")),
            (1, Gen.Elements("null", "true", "[]", "{}", "-1", "1.5", "18446744073709551616")));

    private static Gen<string[]> Columns(string[] required, string[] optional) =>
        from extra in Gen.SubListOf(optional)
        from order in Gen.Shuffle([.. required, .. extra])
        select order;

    private static Gen<string[]> Row(string[] columns, Func<string, Gen<string>> value) =>
        columns.Aggregate(Gen.Constant(Array.Empty<string>()), (row, column) => from r in row from v in value(column) select (string[])[.. r, v]);

    private static Gen<InputFile> Csv(string name, string[] required, string[] optional) =>
        from header in Columns(required, optional)
        from count in Gen.Choose(0, 6)
        from rows in Row(header, ValueOf).ArrayOf(count)
        select File(name + ".csv", string.Join(",", header) + "\n"
            + string.Concat(rows.Select(row => string.Join(",", row.Select(v => v == " " ? "\" \"" : v)) + "\n")));

    private static Gen<InputFile> Json(string name, string[] required, string[] optional) =>
        from objects in (from keys in Columns(required, optional)
                         from values in Row(keys, JsonValueOf)
                         select "{" + string.Join(",", keys.Zip(values, (k, v) => $"\"{k}\": {v}")) + "}").ListOf().Resize(6)
        select File(name + ".json", "[\n" + string.Join(",\n", objects) + "\n]");

    private static readonly Gen<InputFile> RegionFiles = Gen.OneOf(
        Csv("r", ["id", "node", "base", "size"], ["host", "guestSize"]),
        Json("r", ["node", "base", "size"], ["id", "host", "guestSize"]));

    private static readonly Gen<InputFile> RetiredFiles = Gen.OneOf(
        Csv("t", ["address"], ["size", "host"]),
        Csv("t", ["region", "offset"], ["size", "address", "host"]),
        Json("t", ["address"], ["size", "host"]),
        Json("t", ["region", "offset"], ["size", "address"]));

    private static InputFile File(string name, string text) => InputFile.FromBytes(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Plan_AwkwardButWellFormedInputs_PlansOrRaisesInputException()
    {
        var options = Gen.Elements(new PlanOptions(), new PlanOptions(minExtent: 128 * 1024), new PlanOptions(granule: 4096, guestPage: 2 << 20));
        Prop.ForAll(RegionFiles.ToArbitrary(), RetiredFiles.ToArbitrary(), options.ToArbitrary(), (regions, retired, planOptions) =>
        {
            var inputs = new HostInputs { Regions = [regions], Retired = [retired] };
            try
            {
                var plan = inputs.Plan(planOptions);
                Assert.True(plan.Accounting.IsBalanced);
                Assert.All(plan.Regions, r => Assert.Equal(r.Stats.SizeBytes, r.Stats.UsableBytes + r.Stats.HoleBytes));
            }
            catch (InputException)
            {
            }
        }).Check(Properties.Seeded(500));
    }
}
