using System.Buffers.Binary;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

/// <summary>Builds inputs for reader tests: binary dumps, text files, the repository's data folder.</summary>
internal static partial class TestInputs
{
    public static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    /// <summary>The repository root (the folder holding EgmEcc.sln).</summary>
    public static string RepoRoot => Repo.Root;

    public static string DataPath(string relative) => Path.Combine(RepoRoot, "data", relative);

    /// <summary><c>u64 count; u64 spa[]</c>, little-endian.</summary>
    public static byte[] FirmwareTable(ulong count, params ulong[] entries)
    {
        var bytes = new byte[8 + (8 * entries.Length)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, count);
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 + (8 * i)), entries[i]);
        }

        return bytes;
    }

    /// <summary><c>u32 argsz; u32 count; {u64 offset; u64 size}[]</c>, little-endian.</summary>
    public static byte[] IoctlList(uint argsz, uint count, params (ulong Offset, ulong Size)[] entries)
    {
        var bytes = new byte[8 + (16 * entries.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, argsz);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), count);
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 + (16 * i)), entries[i].Offset);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16 + (16 * i)), entries[i].Size);
        }

        return bytes;
    }

    public static InputFile File(string name, byte[] bytes) => InputFile.FromBytes(name, bytes) with { Length = bytes.Length };

    public static InputFile Text(string name, string text) => File(name, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Reads <paramref name="file"/> with <paramref name="reader"/>, returning the records and notes.</summary>
    public static (List<RetiredRecord> Records, List<Diagnostic> Notes) Read(IRetiredReader reader, InputFile file, ReadOptions? options = null)
    {
        var records = new List<RetiredRecord>();
        var notes = new List<Diagnostic>();
        using var stream = file.Open();
        reader.Read(stream, file, options ?? ReadOptions.Default, records, notes.Add);
        return (records, notes);
    }

    /// <summary>The two-socket sample host's regions.</summary>
    public static RegionSet Grace2s() => RegionSet.Create(
    [
        new Region("egm0", 0, 0x20_0000_0000, 384UL << 30, Here),
        new Region("egm1", 1, 0x4020_0000_0000, 384UL << 30, Here),
    ]);
}
