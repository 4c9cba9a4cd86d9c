using System.Globalization;
using System.Text;

namespace EgmEcc.Benchmarks;

/// <summary>
/// The inputs of the end-to-end benchmark, which the plain-C reference (<c>reference/plan.c</c>)
/// and <c>egmecc plan</c> both read: 8 regions of 464 GiB on one host (<c>id,node,base,size</c>,
/// bases 1 GiB-aligned, so no <c>misaligned-base</c> warning) and a retired CSV with one
/// <c>address</c> column of lower-case hexadecimal SPAs. Seeded: the same count and seed give the
/// same bytes. Also compiled into the CLI tests, which compare the two programs' output on a
/// small input.
/// </summary>
/// <remarks>
/// Per 64 records, about: 1 an unaligned address (a 4 KiB multiple inside a page, so the record
/// widens to two 64 KiB pages, docs/design.md §2.5) and 1 a repeat of an earlier record
/// (a duplicate, §2.9); the rest a random 64 KiB page of a random region. Random pages also
/// collide and touch, more often the more records there are. No record is clipped or out of
/// region (egmecc would write a diagnostic, which the reference does not implement).
/// </remarks>
internal static class ReferenceInputs
{
    /// <summary>The regions: 8 of 464 GiB.</summary>
    public const int RegionCount = 8;

    /// <summary>Each region's size.</summary>
    public const ulong RegionSize = 464UL << 30;

    private const ulong Page = 64 * 1024;
    private const ulong FirstBase = 0x20_0000_0000;
    private const ulong Stride = 0x100_0000_0000;

    /// <summary>Writes <c>regions.csv</c> and <c>retired.csv</c> of <paramref name="records"/> records into <paramref name="folder"/>.</summary>
    public static (string Regions, string Retired) Write(string folder, long records, ulong seed)
    {
        Directory.CreateDirectory(folder);
        var regions = Path.Combine(folder, "regions.csv");
        var retired = Path.Combine(folder, "retired.csv");
        var text = new StringBuilder("id,node,base,size\n");
        for (var r = 0; r < RegionCount; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"egm{r},{r},0x{Base(r):x},0x{RegionSize:x}\n");
        }

        File.WriteAllText(regions, text.ToString());
        using var stream = new FileStream(retired, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        WriteRetired(stream, records, seed);
        return (regions, retired);
    }

    /// <summary>The base of region <paramref name="r"/>.</summary>
    public static ulong Base(int r) => FirstBase + ((ulong)r * Stride);

    private static void WriteRetired(Stream stream, long records, ulong seed)
    {
        var state = seed | 1;
        var pages = RegionSize / Page;
        var recent = new ulong[4096];
        var buffer = new byte[1 << 16];
        "address\n"u8.CopyTo(buffer);
        var used = "address\n".Length;
        for (long i = 0; i < records; i++)
        {
            var roll = Next(ref state);
            var region = (int)(Next(ref state) % RegionCount);
            ulong address;
            if ((roll & 63) == 0 && i > 0)
            {
                address = recent[(roll >> 8) % (ulong)Math.Min(i, recent.Length)];
            }
            else if ((roll & 63) == 1)
            {
                // Not the last page: the record's second page must stay inside the region.
                address = Base(region) + ((Next(ref state) % (pages - 1)) * Page) + (((roll >> 8) % 15) + 1) * 4096;
            }
            else
            {
                address = Base(region) + ((Next(ref state) % pages) * Page);
            }

            recent[i % recent.Length] = address;
            if (buffer.Length - used < 20)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            buffer[used++] = (byte)'0';
            buffer[used++] = (byte)'x';
            address.TryFormat(buffer.AsSpan(used), out var digits, "x", CultureInfo.InvariantCulture);
            used += digits;
            buffer[used++] = (byte)'\n';
        }

        stream.Write(buffer, 0, used);
    }

    /// <summary>xorshift64*: fast, seeded, the same on every machine.</summary>
    private static ulong Next(ref ulong state)
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1DUL;
    }
}
