using EgmEcc.Benchmarks;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// The plain-C reference of the end-to-end benchmark (<c>tests/EgmEcc.Benchmarks/reference/plan.c</c>)
/// must write exactly what <c>egmecc plan</c> writes for the benchmark's inputs, or its ratios
/// mean nothing: built with <c>cc -O2</c> and run beside egmecc on a small generated input.
/// </summary>
public sealed class PlainCReferenceTests
{
    private static readonly string Source = Repo.PathOf("tests/EgmEcc.Benchmarks/reference/plan.c");

    [ToolTheory("cc")]
    [InlineData("csv")]
    [InlineData("json")]
    public void CReferenceWritesTheBytesOfEgmeccPlan(string format)
    {
        using var temp = new TempDir();
        var program = Path.Combine(temp.Path, "plan");
        var (ccExit, _, ccError) = ExternalTools.Run("cc", ["-O2", "-o", program, Source], TimeSpan.FromSeconds(120));
        Assert.True(ccExit == 0, ccError);

        // 50,000 records: enough that pages touch and merge, repeat, and straddle two pages.
        var (regions, retired) = ReferenceInputs.Write(temp.Path, 50_000, seed: 7);
        var expected = Path.Combine(temp.Path, "egmecc." + format);
        var result = Cli.Run("plan", "--regions", regions, "--retired", retired, "--format", format, "--output", expected);
        Assert.True(result.Exit == 0, result.ToString());

        var actual = Path.Combine(temp.Path, "c." + format);
        var (exit, _, error) = ExternalTools.Run(program, [regions, retired, format, actual], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, error);
        var want = File.ReadAllBytes(expected);
        var got = File.ReadAllBytes(actual);
        Assert.True(want.AsSpan().SequenceEqual(got), $"the C reference's {format} differs from egmecc's at byte {FirstDifference(want, got)} ({want.Length} and {got.Length} bytes)");
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }
}
