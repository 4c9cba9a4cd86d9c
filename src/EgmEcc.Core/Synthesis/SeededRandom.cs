namespace EgmEcc.Synthesis;

/// <summary>
/// A small, fast, seeded random source (xoshiro256**, seeded through SplitMix64) whose sequence
/// is fixed by this code alone, so synthetic fleets and forecasts are identical on every .NET
/// version and machine. Not for cryptography.
/// </summary>
/// <remarks>
/// A mutable struct: pass it by <c>ref</c>. Independent streams for parallel work come from
/// <see cref="Derive(ulong, ulong, ulong)"/> (seed, host, trial), never from sharing one instance.
/// </remarks>
public struct SeededRandom
{
    private ulong s0, s1, s2, s3;

    /// <summary>A stream for <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>A stream for one piece of parallel work, independent of the order work is done in.</summary>
    public static SeededRandom Derive(ulong seed, ulong a, ulong b = 0) => new(Mix(Mix(Mix(seed) ^ a) ^ b));

    /// <summary>A stable 64-bit hash of a name (FNV-1a), to key streams by host name rather than position.</summary>
    public static ulong Hash(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var h = 0xcbf29ce484222325UL;
        foreach (var c in name)
        {
            h = unchecked((h ^ c) * 0x100000001b3UL);
        }

        return Mix(h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>A uniform integer in <c>[0, bound)</c> (Lemire's method, unbiased); 0 when <paramref name="bound"/> is 0.</summary>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            // Only here can the draw be biased; the division is rare, the sequence the same.
            var threshold = unchecked(0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    /// <summary>A uniform double in <c>[0, 1)</c>.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A Poisson-distributed count with mean <paramref name="mean"/>: Knuth's product method for
    /// small means, a rounded normal approximation (never negative) above 64.
    /// </summary>
    public long NextPoisson(double mean)
    {
        if (!(mean > 0))
        {
            return 0;
        }

        if (mean > 64)
        {
            var normal = Math.Round(mean + (Math.Sqrt(mean) * NextGaussian()));
            return normal < 0 ? 0 : (long)normal;
        }

        var limit = Math.Exp(-mean);
        long k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }

    /// <summary>A geometric count in <c>[1, ∞)</c> with mean <paramref name="mean"/> (at least 1).</summary>
    public long NextGeometric(double mean)
    {
        if (mean <= 1)
        {
            return 1;
        }

        var u = 1.0 - NextDouble();
        var k = 1 + (long)Math.Floor(Math.Log(u) / Math.Log(1 - (1 / mean)));
        return Math.Max(1, k);
    }

    /// <summary>
    /// A gamma-distributed value of shape <paramref name="shape"/> and scale 1 (Marsaglia and Tsang;
    /// below shape 1, the boost <c>Gamma(a) = Gamma(a + 1) · U^(1/a)</c>); 0 when the shape is not positive.
    /// </summary>
    public double NextGamma(double shape)
    {
        if (!(shape > 0))
        {
            return 0;
        }

        if (shape < 1)
        {
            var boost = Math.Pow(1.0 - NextDouble(), 1 / shape);
            return NextGamma(shape + 1) * boost;
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var x = NextGaussian();
            var v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            var u = 1.0 - NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>A standard normal value (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong Mix(ulong x)
    {
        var state = x;
        return SplitMix(ref state);
    }

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
