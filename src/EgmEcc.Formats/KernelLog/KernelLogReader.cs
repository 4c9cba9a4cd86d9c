using System.Buffers.Text;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Streaming;

namespace EgmEcc.Formats.KernelLog;

/// <summary>
/// Retired memory as the kernel logs it (<c>kmsg</c>): <c>dmesg</c> or <c>journalctl -k</c> text,
/// with or without <c>[  123.456789]</c> timestamps, syslog prefixes and <c>kernel:</c>, or the
/// records of <c>/dev/kmsg</c> (<c>PRI,SEQ,USEC,FLAGS[,...];message</c>).
/// </summary>
/// <remarks>
/// <para>Three kinds of line carry a retired page; the reader finds them anywhere in a line, so
/// every prefix is ignored:</para>
/// <list type="bullet">
/// <item><c>Memory failure: 0x&lt;pfn&gt;: ...</c> (mm/memory-failure.c, <c>"%#lx: "</c>) and
/// <c>soft offline: 0x&lt;pfn&gt;: ...</c> (also <c>Soft offline</c>, <c>soft_offline</c>): a host
/// page at <c>pfn * --host-page</c>, of the host page's size.</item>
/// <item><c>physical_address: 0x&lt;spa&gt;</c> of a GHES/CPER memory-error section
/// (drivers/firmware/efi/cper.c, <c>cper_print_mem</c>), which is how an arm64 Grace host reports
/// memory errors firmware handled: a record at that SPA, one retirement granule long. When the
/// next line is its <c>physical_address_mask: 0x...</c>, the record widens to the granule the
/// mask leaves valid (<c>spa &amp; mask</c>, <c>1 &lt;&lt; tzcnt(mask)</c> bytes). When the
/// record's <c>event severity:</c> line (<c>cper_estatus_print</c>) says <c>corrected</c>, the
/// record is an at-risk page, not a retirement (docs/design.md §2); <c>recoverable</c>,
/// <c>fatal</c>, any other severity, or none seen, retire. The severity belongs to the record whose
/// <c>{N}</c> sequence prefix it carries, so a record of another CPU printed in between does not
/// lend it its own.</item>
/// </list>
/// <para>The same page logged many times is many records: the planner counts the repeats as
/// duplicates. Every other line is counted and reported in one info note per file. A NUL byte
/// is an error: kernel logs are text, and a binary file read as one must not pass silently.</para>
/// <para>A file whose first line is a <c>/dev/kmsg</c> record (Linux
/// Documentation/ABI/testing/dev-kmsg; docs/design.md §3.4) is read as records: each record's
/// message is read as a dmesg line once its <c>PRI,SEQ,USEC,FLAGS[,...];</c> prefix is removed
/// and the escapes the kernel writes are undone (<c>\xNN</c> for a byte below 0x20, from 0x7f,
/// or <c>\</c>; an escaped line end, <c>\x0a</c>, starts a new line, as <c>dmesg</c> prints it).
/// Escapes of other bytes are never written by the kernel and stay as they are: so a marker,
/// which is printable ASCII, is in the decoded message only where it is in the raw line, and
/// skipping lines in bulk stays exact. A line that begins with a space is a dictionary line
/// (<c> SUBSYSTEM=pci</c>, <c> DEVICE=+pci:...</c>) of the record before it: it never carries a
/// page, does not end a CPER record's address/mask pair, and is counted apart in the note.</para>
/// </remarks>
public sealed partial class KernelLogReader : IRetiredReader
{
    private static readonly string[] Extensions = [".log", ".dmesg", ".kmsg", ".journal", ".txt"];

    /// <inheritdoc/>
    public string Name => "kmsg";

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        if (head.IndexOf("Memory failure: 0x"u8) >= 0 || head.IndexOf("[Hardware Error]"u8) >= 0
            || head.IndexOf("physical_address: 0x"u8) >= 0 || head.IndexOf("offline: 0x"u8) >= 0)
        {
            return Sniffing.Certain;
        }

        // A dmesg line opens with '[' like a JSON array: the timestamp's shape must outrank it. A
        // /dev/kmsg record's prefix is as sure a sign of a kernel log as a timestamp.
        var first = Sniffing.FirstTextLine(head);
        if (IsTimestamped(first) || first.Contains(" kernel: ", StringComparison.Ordinal) || KmsgRecord.TryMessage(Encoding.UTF8.GetBytes(first), out _))
        {
            return Sniffing.Shape + 10;
        }

        return Extensions.Contains(file.Extension) ? Sniffing.Extension : Sniffing.No;
    }

    /// <summary>
    /// True when a kernel-log line may matter to this reader: it carries a page or a mask
    /// (<c>: 0x</c>) or a CPER record's severity. Every other line is only counted, so a collection
    /// of the kernel log may keep just these (docs/design.md §3).
    /// </summary>
    public static bool MayCarryRecord(ReadOnlySpan<byte> line) => line.IndexOf(RecordMarker) >= 0 || line.IndexOf(SeverityMarker) >= 0;

    private static ReadOnlySpan<byte> RecordMarker => ": 0x"u8;

    private static ReadOnlySpan<byte> SeverityMarker => "severity: "u8;

    /// <inheritdoc/>
    public void Read(Stream stream, InputFile file, ReadOptions options, RetiredRecordSink sink, Action<Diagnostic> report)
    {
        var hostPage = options.HostPage;
        if (!ulong.IsPow2(hostPage))
        {
            throw new ArgumentOutOfRangeException(nameof(options), hostPage, "the host page size must be a power of two");
        }

        var lines = new LineReader(stream);
        var scan = new Scan(options, sink);
        var layout = Layout.Unknown;
        long dictionary = 0;
        byte[]? decoded = null;

        // Records skipped in bulk count as the lines dmesg prints them as, and apart from the
        // dictionary lines among them, as the records read one by one do.
        (long Dictionary, long EscapedLineEnds) skippedKmsg = default;
        Action<ReadOnlySpan<byte>> countKmsg = block =>
        {
            foreach (var range in block[..^1].Split((byte)'\n'))
            {
                var line = block[range];
                if (line.StartsWith(" "u8))
                {
                    skippedKmsg.Dictionary++;
                }
                else if (KmsgRecord.TryMessage(line, out var message))
                {
                    skippedKmsg.EscapedLineEnds += KmsgRecord.EscapedLineEnds(message);
                }
            }
        };

        while (true)
        {
            // Every line that carries a page (or a mask) has ": 0x", and a CPER record's severity
            // line "severity: ": skip the others in bulk, once the first line has told the layout.
            if (layout != Layout.Unknown)
            {
                skippedKmsg = default;
                var skipped = lines.SkipLinesWithout(RecordMarker, SeverityMarker, layout == Layout.Kmsg ? countKmsg : null);
                dictionary += skippedKmsg.Dictionary;

                // Dictionary lines belong to the record before them: they end no address/mask pair.
                if (skipped > skippedKmsg.Dictionary)
                {
                    scan.Ignored += skipped - skippedKmsg.Dictionary + skippedKmsg.EscapedLineEnds;
                    scan.Flush();
                }
            }

            if (!lines.ReadLine(out var line))
            {
                break;
            }

            var at = SourceLocation.AtLine(file.Name, lines.LineNumber);
            var nul = line.IndexOf((byte)0);
            if (nul >= 0)
            {
                throw new InputException(at, $"a NUL byte at column {nul + 1}: this is binary data, not a kernel log");
            }

            if (layout == Layout.Unknown)
            {
                // As detection reads it (Sniffing.FirstTextLine): blank and '#' lines do not count.
                var text = lines.LineNumber == 1 && line.StartsWith("\uFEFF"u8) ? line[3..] : line;
                var trimmed = text.Trim(" \t"u8);
                if (trimmed.IsEmpty || trimmed[0] == (byte)'#')
                {
                    scan.Line(line, at, lines.Overlong);
                    continue;
                }

                layout = KmsgRecord.TryMessage(text, out _) ? Layout.Kmsg : Layout.Dmesg;
                line = text;
            }

            if (layout == Layout.Kmsg)
            {
                if (line.StartsWith(" "u8))
                {
                    dictionary++;
                    continue;
                }

                if (!lines.Overlong && KmsgRecord.TryMessage(line, out var message))
                {
                    if (message.IndexOf((byte)'\\') >= 0)
                    {
                        decoded ??= new byte[LineReader.MaxLineBytes];
                        message = decoded.AsSpan(0, KmsgRecord.Unescape(message, decoded));
                    }

                    // A message with escaped line ends is the lines dmesg would print.
                    foreach (var range in message.Split((byte)'\n'))
                    {
                        scan.Line(message[range], at, overlong: false);
                    }

                    continue;
                }
            }

            scan.Line(line, at, lines.Overlong);
        }

        scan.Flush();
        var (read, corrected, ignored) = (scan.Read, scan.Corrected, scan.Ignored);
        var correctedLines = corrected == 0 ? string.Empty : $" and {corrected} corrected-error line{(corrected == 1 ? "" : "s")} (at-risk pages)";
        var dictionaryLines = dictionary == 0 ? string.Empty : $", {dictionary} /dev/kmsg dictionary line{(dictionary == 1 ? "" : "s")} (KEY=VALUE) skipped";
        report(new Diagnostic(
            Severity.Info,
            SourceLocation.InFile(file.Name),
            $"kernel log: {read} retired-page line{(read == 1 ? "" : "s")}{correctedLines} read, {ignored} other line{(ignored == 1 ? "" : "s")} ignored{dictionaryLines}"));
    }

    /// <summary>The lines of one file as dmesg would print them, and what they said so far.</summary>
    private sealed class Scan(ReadOptions options, RetiredRecordSink sink)
    {
        private Pending pending;
        private EventSeverity severity;

        /// <summary>Retired-page lines read.</summary>
        public long Read { get; private set; }

        /// <summary>Corrected-error lines read (at-risk pages).</summary>
        public long Corrected { get; private set; }

        /// <summary>Lines that carried nothing.</summary>
        public long Ignored { get; set; }

        /// <summary>Reads one line of kernel-log text (a dmesg line, or a line of a record's message).</summary>
        public void Line(ReadOnlySpan<byte> line, SourceLocation at, bool overlong)
        {
            if (pending.Active && Find(line, "physical_address_mask: "u8, at, out var mask))
            {
                if (mask != 0)
                {
                    var granule = 1UL << BitOperations.TrailingZeroCount(mask);
                    pending = pending with { Address = pending.Address & mask, Size = granule };
                }

                Flush();
                return;
            }

            Flush();
            if (!overlong && FindSeverity(line, out var isCorrected))
            {
                severity = new EventSeverity(true, CperSequence(line), isCorrected);
                Ignored++;
                return;
            }

            if (overlong || line.IndexOf(": 0x"u8) < 0)
            {
                Ignored++;
                return;
            }

            if (Find(line, "Memory failure: "u8, at, out var pfn) || FindSoftOffline(line, at, out pfn))
            {
                var hostPage = options.HostPage;
                if (pfn > ulong.MaxValue / hostPage)
                {
                    throw new InputException(at, $"page frame number {Numbers.Hex(pfn)} times the host page ({new ByteSize(hostPage)}) is beyond 2^64");
                }

                RecordLimit.Check(sink, options, at);
                sink.Add(RetiredRecord.AtAddress(pfn * hostPage, hostPage, at, options.Host));
                Read++;
            }
            else if (Find(line, "physical_address: "u8, at, out var spa))
            {
                var atRisk = severity is { Seen: true, Corrected: true } && severity.Sequence == CperSequence(line);
                pending = new Pending(true, spa, 0, at, atRisk ? RecordKind.AtRisk : RecordKind.Retired);
                Read += atRisk ? 0 : 1;
                Corrected += atRisk ? 1 : 0;
            }
            else
            {
                Ignored++;
            }
        }

        /// <summary>Adds the CPER address waiting for its mask, as it is.</summary>
        public void Flush()
        {
            if (pending.Active)
            {
                RecordLimit.Check(sink, options, pending.Source);
                sink.Add(RetiredRecord.AtAddress(pending.Address, pending.Size, pending.Source, options.Host, pending.Kind));
                pending = default;
            }
        }
    }

    /// <summary>Whether a file is dmesg text or <c>/dev/kmsg</c> records: its first non-blank line tells.</summary>
    private enum Layout
    {
        Unknown,
        Dmesg,
        Kmsg,
    }

    /// <summary>
    /// Finds <paramref name="marker"/> followed by <c>0x&lt;hex&gt;</c> and a word end; false when
    /// the marker is absent or not followed by <c>0x</c> (another message with the same prefix).
    /// </summary>
    /// <exception cref="InputException">The marker and <c>0x</c> are there but the number is bad.</exception>
    private static bool Find(ReadOnlySpan<byte> line, ReadOnlySpan<byte> marker, SourceLocation at, out ulong value)
    {
        value = 0;
        var i = line.IndexOf(marker);
        while (i >= 0)
        {
            var rest = line[(i + marker.Length)..];
            if (rest.StartsWith("0x"u8) || rest.StartsWith("0X"u8))
            {
                return ParseHex(rest, marker, at, out value);
            }

            var next = rest.IndexOf(marker);
            i = next < 0 ? -1 : i + marker.Length + next;
        }

        return false;
    }

    /// <summary>
    /// A CPER record's <c>event severity: WORD</c> line; <paramref name="corrected"/> when the word
    /// is <c>corrected</c> (cper.c's <c>cper_severity_str</c>: recoverable, fatal, corrected, info).
    /// </summary>
    private static bool FindSeverity(ReadOnlySpan<byte> line, out bool corrected)
    {
        var marker = "event severity: "u8;
        var i = line.IndexOf(marker);
        if (i < 0)
        {
            corrected = false;
            return false;
        }

        var word = line[(i + marker.Length)..].TrimEnd(" \t"u8);
        corrected = Ascii.EqualsIgnoreCase(word, "corrected"u8);
        return true;
    }

    /// <summary>The <c>N</c> of a <c>{N}[Hardware Error]:</c> prefix (ghes.c numbers each record so), or -1 when there is none.</summary>
    private static long CperSequence(ReadOnlySpan<byte> line)
    {
        var at = line.IndexOf("}[Hardware Error]"u8);
        if (at <= 0)
        {
            return -1;
        }

        var open = line[..at].LastIndexOf((byte)'{');
        var digits = open < 0 ? default : line[(open + 1)..at];
        return !digits.IsEmpty && Utf8Parser.TryParse(digits, out uint n, out var used) && used == digits.Length ? n : -1;
    }

    private static bool FindSoftOffline(ReadOnlySpan<byte> line, SourceLocation at, out ulong pfn)
    {
        pfn = 0;
        var marker = "offline: "u8;
        var i = line.IndexOf(marker);
        if (i < 5)
        {
            return false;
        }

        var soft = line.Slice(i - 5, 5);
        var isSoft = Ascii.EqualsIgnoreCase(soft, "soft "u8) || Ascii.EqualsIgnoreCase(soft, "soft_"u8);
        return isSoft && line[(i + marker.Length)..].StartsWith("0x"u8) && ParseHex(line[(i + marker.Length)..], "soft offline: "u8, at, out pfn);
    }

    private static bool ParseHex(ReadOnlySpan<byte> text, ReadOnlySpan<byte> marker, SourceLocation at, out ulong value)
    {
        var digits = text[2..];
        var length = digits.IndexOfAnyExcept("0123456789abcdefABCDEF"u8);
        length = length < 0 ? digits.Length : length;
        var endsWord = length == digits.Length || digits[length] is (byte)':' or (byte)' ' or (byte)'\t' or (byte)',' or (byte)')';
        if (length > 0 && endsWord && Utf8Parser.TryParse(digits[..length], out value, out var used, 'x') && used == length)
        {
            return true;
        }

        var wordEnd = digits.IndexOfAny(" \t:,"u8);
        var shown = text[..Math.Min(2 + (wordEnd < 0 ? digits.Length : wordEnd), 40)];
        throw new InputException(at, $"'{Encoding.UTF8.GetString(marker).TrimEnd()}' is followed by '{Encoding.UTF8.GetString(shown)}', which is not a 64-bit hexadecimal number");
    }

    // "[  123.456789]" anywhere in the line: dmesg, dmesg -x ("kern  :err   : [...]"), journal lines that keep it.
    [GeneratedRegex(@"\[\s*\d+\.\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    private static bool IsTimestamped(string line) => Timestamp().IsMatch(line);

    private readonly record struct Pending(bool Active, ulong Address, ulong Size, SourceLocation Source, RecordKind Kind);

    /// <summary>The severity last read, of the CPER record numbered <see cref="Sequence"/> (-1: unnumbered).</summary>
    private readonly record struct EventSeverity(bool Seen, long Sequence, bool Corrected);
}
