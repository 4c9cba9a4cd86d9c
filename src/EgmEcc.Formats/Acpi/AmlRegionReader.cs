using System.Buffers.Binary;
using System.Text;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Acpi;

/// <summary>
/// EGM regions from binary ACPI tables (<c>aml</c>): a DSDT or SSDT as the kernel exposes it
/// (<c>/sys/firmware/acpi/tables/DSDT</c>, <c>SSDT1</c>, ...) or as <c>acpidump -b</c> and
/// <c>acpixtract -a</c> write it, so a host without <c>iasl</c> can be read (docs/design.md §3).
/// </summary>
/// <remarks>
/// <para>The regions are exactly those the <c>acpi</c> reader finds in the disassembly of the same
/// table: every <c>_DSD</c> whose device-properties UUID package carries <c>nvidia,egm-base-pa</c>,
/// <c>nvidia,egm-size</c> and <c>nvidia,egm-pxm</c> describes region <c>egm&lt;pxm&gt;</c>, with
/// the same dedupe of GPUs per PXM and the same conflict errors (<see cref="EgmRegionCollector"/>).
/// Locations are byte offsets in the file (<c>FILE:+OFFSET</c>).</para>
/// <para>A file holds one table, or several concatenated (<c>cat DSDT SSDT*</c>); each must be a
/// DSDT or SSDT whose length fits the file and whose bytes sum to 0 (mod 256).</para>
/// <para>Detection: the header's signature, a length the file can hold and, when the table fits
/// in the bytes detection sees, a valid checksum; a damaged checksum is then not claimed. A file
/// named like a table (<c>.aml</c>, <c>DSDT</c>, <c>SSDT2</c>, <c>ssdt1.dat</c>) that is not
/// otherwise recognised is a weak hint, so a cut-short table still gets its precise error.</para>
/// </remarks>
public sealed class AmlRegionReader : IRegionReader
{
    /// <summary>The size of the ACPI table header.</summary>
    public const int HeaderLength = 36;

    /// <summary>
    /// The largest table read: real DSDTs are well under a megabyte, and a table is held whole
    /// in memory to verify its checksum before its contents are trusted.
    /// </summary>
    public const int MaxTableBytes = 16 << 20;

    /// <inheritdoc/>
    public string Name => "aml";

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        if (head.Length >= HeaderLength && IsDefinitionTable(head))
        {
            long length = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
            var available = file.Length ?? (head.Length < FormatRegistry.HeadLength ? head.Length : (long?)null);
            if (length >= HeaderLength && length <= MaxTableBytes && (available is null || length <= available))
            {
                if (length <= head.Length)
                {
                    return Checksum(head[..(int)length]) == 0 ? Sniffing.Certain : Sniffing.No;
                }

                // Larger than the head: the checksum is verified when the table is read.
                return Sniffing.Certain;
            }
        }

        return NamedLikeATable(file.FileName) ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public IEnumerable<Region> Read(Stream stream, InputFile file, ReadOptions options)
    {
        var regions = new EgmRegionCollector(options.Host ?? string.Empty);

        // Properties outside any device belong to the root, as in the disassembly reader.
        var root = new EgmDeviceProperties("\\", SourceLocation.InFile(file.Name));
        var header = new byte[HeaderLength];
        long offset = 0;
        string? previous = null;
        while (true)
        {
            var got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
            if (got == 0 && previous is not null)
            {
                break;
            }

            var at = SourceLocation.AtByte(file.Name, offset);
            if (got < HeaderLength)
            {
                throw new InputException(at, previous is not null
                    ? $"after the {previous}, the file has {got} more bytes, too few for another ACPI table header (36 bytes)"
                    : got == 0 ? "the file is empty; an ACPI table starts with a 36-byte header"
                    : $"the file is {got} bytes, shorter than the 36-byte ACPI table header");
            }

            if (!IsDefinitionTable(header))
            {
                var what = previous is null ? "the file starts with" : $"after the {previous} comes";
                throw new InputException(at, $"{what} the signature {Signature(header)}, not DSDT or SSDT: EGM regions are described in the ACPI definition tables");
            }

            var table = ReadTable(stream, header, file.Name, offset);
            var label = Label(header);
            var sum = Checksum(table);
            if (sum != 0)
            {
                throw new InputException(SourceLocation.AtByte(file.Name, offset + 9), $"{label}: the checksum does not match (the table's bytes sum to {Numbers.Hex(sum)}, not 0, mod 256): the table is damaged");
            }

            new AmlWalker(table, file.Name, offset, label, root, regions).Walk();
            offset += table.Length;
            previous = label;
        }

        regions.Add(root);
        return regions.Regions;
    }

    private static bool IsDefinitionTable(ReadOnlySpan<byte> header) => header.StartsWith("DSDT"u8) || header.StartsWith("SSDT"u8);

    private static byte Checksum(ReadOnlySpan<byte> table)
    {
        byte sum = 0;
        foreach (var b in table)
        {
            sum = unchecked((byte)(sum + b));
        }

        return sum;
    }

    private static bool NamedLikeATable(string fileName)
    {
        var name = fileName.ToUpperInvariant();
        if (name.EndsWith(".AML", StringComparison.Ordinal))
        {
            return true;
        }

        if (name.EndsWith(".DAT", StringComparison.Ordinal))
        {
            name = name[..^4];
        }

        return name == "DSDT" || (name.StartsWith("SSDT", StringComparison.Ordinal) && name[4..].All(char.IsAsciiDigit));
    }

    /// <summary>Reads the table whose header is <paramref name="header"/>, growing the buffer only as bytes arrive.</summary>
    private static byte[] ReadTable(Stream stream, byte[] header, string file, long offset)
    {
        var at = SourceLocation.AtByte(file, offset + 4);
        var label = Label(header);
        long length = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        if (length < HeaderLength)
        {
            throw new InputException(at, $"{label}: the header gives a length of {length} bytes, shorter than the header itself");
        }

        if (length > MaxTableBytes)
        {
            throw new InputException(at, $"{label}: the header gives a length of {length} bytes, more than the {MaxTableBytes >> 20} MiB an ACPI table can sensibly hold: the table is damaged");
        }

        // A lying length on a short file costs no more memory than the file has.
        var table = new byte[Math.Min((int)length, 1 << 20)];
        header.CopyTo(table, 0);
        var filled = HeaderLength;
        while (filled < length)
        {
            if (filled == table.Length)
            {
                Array.Resize(ref table, (int)Math.Min(length, 2L * table.Length));
            }

            var read = stream.Read(table, filled, table.Length - filled);
            if (read == 0)
            {
                throw new InputException(at, $"{label}: the header gives a length of {length} bytes but the file ends after {filled}: the table is cut short");
            }

            filled += read;
        }

        return table;
    }

    /// <summary>The signature as text when it is printable, else its bytes in hex.</summary>
    private static string Signature(ReadOnlySpan<byte> header)
    {
        var signature = header[..4];
        foreach (var b in signature)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return "0x" + Convert.ToHexStringLower(signature);
            }
        }

        return $"'{Encoding.ASCII.GetString(signature)}'";
    }

    /// <summary>The table's name for messages: its signature and OEM table id (<c>SSDT 'GRACEEGM'</c>).</summary>
    private static string Label(ReadOnlySpan<byte> header)
    {
        var id = new StringBuilder(8);
        foreach (var b in header[16..24])
        {
            if (b == 0)
            {
                break;
            }

            id.Append(b is >= 0x20 and <= 0x7E ? (char)b : '?');
        }

        var trimmed = id.ToString().TrimEnd();
        return trimmed.Length == 0 ? Encoding.ASCII.GetString(header[..4]) : $"{Encoding.ASCII.GetString(header[..4])} '{trimmed}'";
    }
}
