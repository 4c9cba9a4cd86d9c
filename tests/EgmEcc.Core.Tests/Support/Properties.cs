using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.Support;

/// <summary>How property tests run: a fixed seed, so CI is deterministic; set
/// <c>EGMECC_PROPERTY_SEED=random</c> to explore (FsCheck prints the seed to replay a failure).</summary>
internal static class Properties
{
    public static void Check<T>(Gen<T> gen, Action<T> property, int maxTest)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest);
        if (Environment.GetEnvironmentVariable("EGMECC_PROPERTY_SEED") != "random")
        {
            config = config.WithReplay(0x5EED_2026UL, 0x9E37_79B9_7F4A_7C15UL);
        }

        Prop.ForAll(gen.ToArbitrary(), property).Check(config);
    }
}
