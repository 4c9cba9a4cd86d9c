using System.Diagnostics;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// Seeded mutations of the AML sample whose checksum is mostly mended, so that the damage reaches
/// the namespace walk (the registry-wide fuzzer mostly meets the checksum): regions or an
/// <see cref="InputException"/>, never another exception.
/// </summary>
public class AmlFuzzTests
{
    private const int Seed = 20261121;

    [Theory]
    [InlineData(null, 2000)]
    [InlineData("aml", 2000)]
    public void LoadRegions_MutatedAml_OnlyEverThrowsInputException(string? format, int cases)
    {
        var original = File.ReadAllBytes(TestInputs.DataPath("samples/grace-2s.ssdt.aml"));
        var random = new Random(Seed ^ cases ^ (format is null ? 1 : 2));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var mutated = Mutate(original, random);

            // Most mutations would only break the checksum: mend it in most cases, so the damage reaches the walk.
            if (mutated.Length >= 36 && random.Next(4) > 0)
            {
                Aml.FixChecksum(mutated);
            }

            var inputs = new HostInputs { Regions = [TestInputs.File("grace-2s.ssdt.aml", mutated)], Retired = [], RegionsFormat = format };

            Survives(() => inputs.LoadRegions(), "grace-2s.ssdt.aml", i, mutated);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{cases} cases took {watch.Elapsed}");
    }

    private static void Survives(Action action, string sample, int i, byte[] mutated)
    {
        try
        {
            action();
        }
        catch (InputException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{sample} mutation {i} ({mutated.Length} bytes: {Convert.ToHexString(mutated.AsSpan(0, Math.Min(64, mutated.Length)))}...) threw {e}");
        }
    }

    /// <summary>One to four of: flip bits, overwrite with an interesting value, truncate, extend, splice a copied block.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var rounds = random.Next(1, 5);
        for (var r = 0; r < rounds; r++)
        {
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    byte[] interesting = [0x00, 0xFF, 0x7F, 0x80, 0x01, (byte)'\n', (byte)'{', (byte)'}', (byte)'"', (byte)','];
                    bytes[random.Next(bytes.Count)] = interesting[random.Next(interesting.Length)];
                    break;
                case 2:
                    var cut = random.Next(bytes.Count + 1);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 3:
                    var extra = new byte[random.Next(1, 64)];
                    random.NextBytes(extra);
                    bytes.AddRange(extra);
                    break;
                case 4 when bytes.Count > 0:
                    var from = random.Next(bytes.Count);
                    var block = bytes.GetRange(from, Math.Min(bytes.Count - from, random.Next(1, 64)));
                    bytes.InsertRange(random.Next(bytes.Count + 1), block);
                    break;
                case 5 when bytes.Count >= 8:
                    // Overwrite a u32 or u64 with an edge value: counts and sizes that lie.
                    ulong[] edges = [0, 1, 4096, 4097, uint.MaxValue, ulong.MaxValue, 1UL << 63];
                    var value = BitConverter.GetBytes(edges[random.Next(edges.Length)]);
                    var pos = random.Next(bytes.Count - 7);
                    for (var k = 0; k < 8; k++)
                    {
                        bytes[pos + k] = value[k];
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
