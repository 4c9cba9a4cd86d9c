using System.Buffers.Binary;
using System.Text;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// Builds AML by hand (ACPI specification chapter 20), so the binary ACPI reader can be tested on
/// shapes <c>iasl</c> would not write: other encodings, damaged lengths, deep nesting.
/// </summary>
internal static class Aml
{
    public const string DevicePropertiesUuid = "daffd814-6eba-4d8c-8a91-bc9bbf4aa301";

    /// <summary>A whole table: the 36-byte header, the terms, a checksum that makes the bytes sum to 0.</summary>
    public static byte[] Table(byte revision, params byte[][] terms) => Table("SSDT", revision, terms);

    public static byte[] Table(string signature, byte revision, params byte[][] terms)
    {
        var body = terms.SelectMany(t => t).ToArray();
        var table = new byte[36 + body.Length];
        Encoding.ASCII.GetBytes(signature).CopyTo(table, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4), (uint)table.Length);
        table[8] = revision;
        Encoding.ASCII.GetBytes("NVIDIATESTTABL").CopyTo(table, 10);
        Encoding.ASCII.GetBytes("INTL").CopyTo(table, 28);
        body.CopyTo(table, 36);
        return FixChecksum(table);
    }

    /// <summary>Sets byte 9 so the table's bytes sum to 0 (mod 256).</summary>
    public static byte[] FixChecksum(byte[] table)
    {
        table[9] = 0;
        table[9] = unchecked((byte)-table.Take((int)BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(4))).Sum(b => b));
        return table;
    }

    /// <summary>PkgLength for a body of <paramref name="content"/> bytes (the encoding counts itself).</summary>
    public static byte[] PkgLength(int content)
    {
        if (content + 1 <= 0x3F)
        {
            return [(byte)(content + 1)];
        }

        for (var follow = 1; follow <= 3; follow++)
        {
            var length = content + 1 + follow;
            if (length < 1 << (4 + (8 * follow)))
            {
                var bytes = new byte[1 + follow];
                bytes[0] = (byte)((follow << 6) | (length & 0xF));
                for (var i = 0; i < follow; i++)
                {
                    bytes[1 + i] = (byte)(length >> (4 + (8 * i)));
                }

                return bytes;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(content));
    }

    /// <summary>An opcode, a PkgLength and what it measures.</summary>
    public static byte[] Sized(byte[] op, params byte[][] body)
    {
        var content = body.SelectMany(b => b).ToArray();
        return [.. op, .. PkgLength(content.Length), .. content];
    }

    /// <summary>A NameString: <c>\</c> and <c>^</c> prefixes, then segments separated by dots, each padded with '_'.</summary>
    public static byte[] Name(string path)
    {
        var prefix = new List<byte>();
        while (path.Length > 0 && path[0] is '\\' or '^')
        {
            prefix.Add((byte)path[0]);
            path = path[1..];
        }

        var segments = path.Length == 0 ? [] : path.Split('.').Select(s => Encoding.ASCII.GetBytes(s.PadRight(4, '_'))).ToArray();
        byte[] namePath = segments.Length switch
        {
            0 => [0x00],
            1 => segments[0],
            2 => [0x2E, .. segments[0], .. segments[1]],
            _ => [0x2F, (byte)segments.Length, .. segments.SelectMany(s => s)],
        };
        return [.. prefix, .. namePath];
    }

    public static byte[] Scope(string name, params byte[][] terms) => Sized([0x10], [Name(name), .. terms]);

    public static byte[] Device(string name, params byte[][] terms) => Sized([0x5B, 0x82], [Name(name), .. terms]);

    public static byte[] NameOp(string name, byte[] value) => [0x08, .. Name(name), .. value];

    public static byte[] Method(string name, byte flags, params byte[][] body) => Sized([0x14], [Name(name), [flags], .. body]);

    public static byte[] Package(params byte[][] elements) => Sized([0x12], [[(byte)elements.Length], .. elements]);

    public static byte[] String(string text) => [0x0D, .. Encoding.ASCII.GetBytes(text), 0x00];

    /// <summary>An integer in the smallest encoding iasl would choose.</summary>
    public static byte[] Integer(ulong value) => value switch
    {
        0 => [0x00],
        1 => [0x01],
        <= byte.MaxValue => [0x0A, (byte)value],
        <= ushort.MaxValue => [0x0B, .. BitConverter.GetBytes((ushort)value)],
        <= uint.MaxValue => [0x0C, .. BitConverter.GetBytes((uint)value)],
        _ => QWord(value),
    };

    public static byte[] QWord(ulong value) => [0x0E, .. BitConverter.GetBytes(value)];

    /// <summary><c>ToUUID ("...")</c>: a 16-byte buffer in the mixed-endian layout of a GUID.</summary>
    public static byte[] Uuid(string uuid) => UuidBytes(Guid.Parse(uuid).ToByteArray());

    public static byte[] UuidBytes(byte[] bytes) => Sized([0x11], [0x0A, 0x10], bytes);

    /// <summary><c>Name (_DSD, Package () { ToUUID (device properties), Package () { Package () { name, value }, ... } })</c>.</summary>
    public static byte[] Dsd(params (string Name, byte[] Value)[] properties) => NameOp("_DSD", DsdPackage(properties));

    public static byte[] DsdPackage(params (string Name, byte[] Value)[] properties) =>
        Package(Uuid(DevicePropertiesUuid), Package([.. properties.Select(p => Package(String(p.Name), p.Value))]));

    /// <summary>The three required properties (and the table base when given) with the smallest encodings.</summary>
    public static (string, byte[])[] Egm(ulong @base, ulong size, ulong pxm, ulong? table = null) =>
    [
        ("nvidia,egm-base-pa", Integer(@base)),
        ("nvidia,egm-size", Integer(size)),
        ("nvidia,egm-pxm", Integer(pxm)),
        .. table is { } t ? new[] { ("nvidia,egm-retired-pages-data-base", Integer(t)) } : [],
    ];
}
