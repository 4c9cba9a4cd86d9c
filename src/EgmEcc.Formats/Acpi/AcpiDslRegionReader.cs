using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Streaming;

namespace EgmEcc.Formats.Acpi;

/// <summary>
/// EGM regions from the ACPI namespace (<c>acpi</c>): the <c>iasl -d</c> disassembly of the DSDT
/// and SSDTs (<c>.dsl</c>), or their ASL source. Every device whose <c>_DSD</c> carries
/// <c>nvidia,egm-base-pa</c>, <c>nvidia,egm-size</c> and <c>nvidia,egm-pxm</c> describes region
/// <c>egm&lt;pxm&gt;</c>; <c>nvidia,egm-retired-pages-data-base</c>, when present, becomes
/// <see cref="Region.RetiredTableBases"/>.
/// </summary>
/// <remarks>
/// <para>The reader follows the block structure (<c>Scope</c>, <c>Device</c>, braces) to know which
/// device a property belongs to, and takes each property's value as the constant after its name,
/// whatever the order of the properties and whatever the integer form: <c>Zero</c>, <c>One</c>,
/// <c>Ones</c> (32 bits in a revision-1 table), hexadecimal of any width, decimal. Comments are
/// skipped. Several <c>DefinitionBlock</c>s may follow one another in one file.</para>
/// <para>Every GPU of a socket repeats the region's properties: equal repeats are one region; the
/// same PXM with another base or size is a firmware conflict, an error naming both devices and
/// their lines. Different table bases are the per-GPU copies of the table (docs/design.md §1): all
/// are kept. A device with some but not all of the three required properties is
/// an error too.</para>
/// </remarks>
public sealed class AcpiDslRegionReader : IRegionReader
{
    /// <summary>The property giving the region's SPA.</summary>
    public const string BaseProperty = EgmDeviceProperties.BaseProperty;

    /// <summary>The property giving the region's size in bytes.</summary>
    public const string SizeProperty = EgmDeviceProperties.SizeProperty;

    /// <summary>The property giving the region's proximity domain.</summary>
    public const string PxmProperty = EgmDeviceProperties.PxmProperty;

    /// <summary>The property giving the SPA of the firmware retired-page table.</summary>
    public const string TableProperty = EgmDeviceProperties.TableProperty;

    private static readonly string[] Extensions = [".dsl", ".asl"];

    /// <inheritdoc/>
    public string Name => "acpi";

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        if (head.IndexOf((byte)0) < 0
            && (head.IndexOf("DefinitionBlock"u8) >= 0 || head.IndexOf("Intel ACPI Component Architecture"u8) >= 0 || head.IndexOf("\"nvidia,egm-"u8) >= 0))
        {
            return Sniffing.Certain;
        }

        return Extensions.Contains(file.Extension) ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public IEnumerable<Region> Read(Stream stream, InputFile file, ReadOptions options)
    {
        var scanner = new Scanner(file.Name, options.Host ?? string.Empty);
        var lines = new LineReader(stream);
        var tokenizer = new AslTokenizer();
        while (lines.ReadLine(out var line))
        {
            scanner.Line = lines.LineNumber;
            var nul = line.IndexOf((byte)0);
            if (nul >= 0)
            {
                throw new InputException(scanner.At(scanner.Line), $"a NUL byte at column {nul + 1}: this is binary data, not ACPI disassembly (run 'iasl -d' on the table first)");
            }

            if (lines.Overlong)
            {
                throw new InputException(scanner.At(scanner.Line), $"the line is longer than {LineReader.MaxLineBytes} bytes: this is not ACPI disassembly");
            }

            tokenizer.Tokenize(line, scanner.OnToken);
        }

        scanner.Finish();
        return scanner.Regions;
    }

    /// <summary>The state of one pass over a file: open blocks, the property awaiting its value, regions found.</summary>
    private sealed class Scanner(string file, string host)
    {
        private readonly List<Block> open = [];
        private readonly EgmRegionCollector regions = new(host);
        private readonly Block root = new("\\", IsDevice: false, Line: 0, Depth: 0, new("\\", SourceLocation.AtLine(file, 0)));
        private int depth;
        private int keywordStep;
        private string? pendingBlock;
        private bool pendingIsDevice;
        private long pendingLine;
        private string? awaitingProperty;
        private long awaitingLine;
        private int definitionCommas = -1;
        private int revision = 2;

        public long Line { get; set; }

        public List<Region> Regions => regions.Regions;

        public SourceLocation At(long line) => SourceLocation.AtLine(file, line);

        public void OnToken(AslTokenKind kind, ReadOnlySpan<byte> text)
        {
            if (awaitingProperty is { } property)
            {
                if (kind == AslTokenKind.Symbol && text[0] == ',')
                {
                    return;
                }

                awaitingProperty = null;
                var value = Constant(property, kind, text);
                var block = Current();
                if (block == root)
                {
                    // No device (nor a Scope naming one) to attribute it to: the region would have no GPU.
                    throw new InputException(At(awaitingLine), $"'{property}' is outside any Device or Scope block; the EGM properties belong to the _DSD of a GPU device");
                }

                block.Properties.Set(property, value, At(awaitingLine));
                return;
            }

            TrackDefinitionBlock(kind, text);
            if (kind == AslTokenKind.String)
            {
                if (EgmDeviceProperties.PropertyNamed(text) is { } name)
                {
                    (awaitingProperty, awaitingLine) = (name, Line);
                }

                return;
            }

            if (kind == AslTokenKind.Word && (text.SequenceEqual("Device"u8) || text.SequenceEqual("Scope"u8)))
            {
                (keywordStep, pendingIsDevice, pendingLine) = (1, text[0] == 'D', Line);
                return;
            }

            if (keywordStep > 0)
            {
                // Device ( NAME ) {  — anything else cancels.
                switch (keywordStep)
                {
                    case 1 when kind == AslTokenKind.Symbol && text[0] == '(':
                        keywordStep = 2;
                        return;
                    case 2 when kind == AslTokenKind.Word:
                        pendingBlock = Encoding.UTF8.GetString(text);
                        keywordStep = 3;
                        return;
                    case 3 when kind == AslTokenKind.Symbol && text[0] == ')':
                        keywordStep = 4;
                        return;
                    case 4 when kind == AslTokenKind.Symbol && text[0] == '{':
                        break;
                    default:
                        (keywordStep, pendingBlock) = (0, null);
                        break;
                }
            }

            if (kind != AslTokenKind.Symbol)
            {
                return;
            }

            if (text[0] == '{')
            {
                depth++;
                if (keywordStep == 4 && pendingBlock is { } name)
                {
                    var path = Path(name);
                    open.Add(new Block(path, pendingIsDevice, pendingLine, depth, new(path, At(pendingLine))));
                }

                (keywordStep, pendingBlock) = (0, null);
            }
            else if (text[0] == '}')
            {
                if (depth == 0)
                {
                    throw new InputException(At(Line), "a '}' closes no block: this is not ACPI disassembly");
                }

                if (open.Count > 0 && open[^1].Depth == depth)
                {
                    regions.Add(open[^1].Properties);
                    open.RemoveAt(open.Count - 1);
                }

                depth--;
            }
        }

        public void Finish()
        {
            if (open.Count > 0)
            {
                var block = open[^1];
                throw new InputException(At(Line), $"the file ends inside {block.Path}, opened at line {block.Line}");
            }

            if (depth > 0)
            {
                throw new InputException(At(Line), $"the file ends inside {depth} unclosed block{(depth == 1 ? string.Empty : "s")}: it is cut short");
            }

            if (awaitingProperty is { } property)
            {
                throw new InputException(At(awaitingLine), $"'{property}' has no value: the file ends after it");
            }

            regions.Add(root.Properties);
        }

        private Block Current()
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i].IsDevice)
                {
                    return open[i];
                }
            }

            return open.Count > 0 ? open[^1] : root;
        }

        private string Path(string name)
        {
            if (name.StartsWith('\\') || name.StartsWith('^') || open.Count == 0)
            {
                return name;
            }

            var parent = open[^1].Path;
            return parent.EndsWith('\\') ? parent + name : $"{parent}.{name}";
        }

        private void TrackDefinitionBlock(AslTokenKind kind, ReadOnlySpan<byte> text)
        {
            // DefinitionBlock ("", "SSDT", 2, ...): the third argument is the compliance revision,
            // which decides whether Ones is 32 or 64 bits.
            if (kind == AslTokenKind.Word && text.SequenceEqual("DefinitionBlock"u8))
            {
                definitionCommas = 0;
            }
            else if (definitionCommas >= 0 && kind == AslTokenKind.Symbol && text[0] == ',')
            {
                definitionCommas++;
            }
            else if (definitionCommas == 2 && kind == AslTokenKind.Number)
            {
                revision = Numbers.TryParseUInt64(text, out var r) is null && r < 2 ? 1 : 2;
                definitionCommas = -1;
            }
            else if (definitionCommas > 2)
            {
                definitionCommas = -1;
            }
        }

        private ulong Constant(string property, AslTokenKind kind, ReadOnlySpan<byte> text)
        {
            if (kind == AslTokenKind.Word)
            {
                if (text.SequenceEqual("Zero"u8))
                {
                    return 0;
                }

                if (text.SequenceEqual("One"u8))
                {
                    return 1;
                }

                if (text.SequenceEqual("Ones"u8))
                {
                    return revision < 2 ? uint.MaxValue : ulong.MaxValue;
                }
            }

            var shown = Encoding.UTF8.GetString(text[..Math.Min(text.Length, 40)]);
            if (kind == AslTokenKind.Number)
            {
                var error = Numbers.TryParseUInt64(text, out var value);
                return error is null ? value : throw new InputException(At(Line), $"'{property}': {error}");
            }

            throw new InputException(At(Line), $"'{property}' has the value '{shown}', not an integer constant (Zero, One, Ones, hexadecimal or decimal)");
        }
    }

    /// <summary>An open <c>Scope</c> or <c>Device</c> block, and the EGM properties found directly in it.</summary>
    private sealed record Block(string Path, bool IsDevice, long Line, int Depth, EgmDeviceProperties Properties);
}
