using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

/// <summary>How property tests run: a fixed seed, so CI is deterministic; set
/// <c>EGMECC_PROPERTY_SEED=random</c> to explore (FsCheck prints the seed to replay a failure).
/// Every property goes through <see cref="Seeded"/> (PropertySeedTests checks the sources).</summary>
internal static class Properties
{
    /// <summary>Throws on failure, runs <paramref name="maxTest"/> cases, seeded unless exploring.</summary>
    public static Config Seeded(int maxTest = 100)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest);
        return Environment.GetEnvironmentVariable("EGMECC_PROPERTY_SEED") == "random"
            ? config
            : config.WithReplay(0x5EED_2026UL, 0x9E37_79B9_7F4A_7C15UL);
    }

    public static void Check<T>(Gen<T> gen, Action<T> property, int maxTest) =>
        Prop.ForAll(gen.ToArbitrary(), property).Check(Seeded(maxTest));
}
