using System.Text;

namespace EgmEcc.Formats.Acpi;

/// <summary>
/// One walk over the namespace of one AML table (ACPI specification, chapter 20, AML grammar),
/// collecting the <c>nvidia,egm-*</c> properties of every device's <c>_DSD</c>.
/// </summary>
/// <remarks>
/// <para>Only what decides the namespace is understood: <c>Scope</c> and <c>Device</c> are
/// entered; <c>Name</c>, <c>Alias</c>, <c>External</c>, <c>Mutex</c>, <c>Event</c>,
/// <c>OperationRegion</c>, <c>DataRegion</c> and <c>Create*Field</c> are read to their end;
/// everything that carries a PkgLength and holds no device of interest (<c>Method</c>,
/// <c>If</c>/<c>Else</c>/<c>While</c>, <c>Field</c>, <c>IndexField</c>, <c>BankField</c>,
/// <c>Processor</c>, <c>PowerResource</c>, <c>ThermalZone</c>) is stepped over by its length.
/// Any other opcode where a term must be understood is an input error at its byte, never a guess:
/// an unknown opcode has no length to skip by. A <c>Method (_DSD)</c> whose body is
/// <c>Return (Package () {...})</c> is read like <c>Name (_DSD, Package () {...})</c>; other
/// method bodies are not interpreted.</para>
/// <para>Every length is checked against the object that holds it, the scopes entered are kept
/// on a list rather than the call stack, and expressions (the operands of an
/// <c>OperationRegion</c>) nest at most <see cref="MaxExpressionDepth"/> deep: no input can make
/// the walk overflow, loop or read outside the table.</para>
/// </remarks>
internal sealed class AmlWalker
{
    /// <summary>How deeply expression operands may nest before the walker refuses them.</summary>
    public const int MaxExpressionDepth = 32;

    /// <summary>
    /// How deeply <c>Scope</c> and <c>Device</c> blocks may nest: real namespaces are a handful of
    /// levels deep, and the bound keeps the cost of each block's path small whatever the input.
    /// </summary>
    public const int MaxScopeDepth = 64;

    /// <summary>How many name segments a block's path may have (each name may add up to 255).</summary>
    public const int MaxPathSegments = 128;

    // ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"): the first three fields little-endian, the rest as written.
    private static readonly byte[] DevicePropertiesUuid =
        [0x14, 0xD8, 0xFF, 0xDA, 0xBA, 0x6E, 0x8C, 0x4D, 0x8A, 0x91, 0xBC, 0x9B, 0xBF, 0x4A, 0xA3, 0x01];

    private static readonly System.Buffers.SearchValues<byte> NameChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"u8);

    private readonly byte[] table;
    private readonly string file;
    private readonly long origin;
    private readonly string label;
    private readonly EgmRegionCollector regions;
    private readonly bool integers32;
    private readonly List<Frame> frames = [];

    // The last name segment of every method taking arguments seen so far (defined or External):
    // a reference to one of them in an operand is a call whose arguments cannot be told apart.
    private readonly HashSet<string> methodsWithArguments = new(StringComparer.Ordinal);

    /// <summary>Prepares a walk over <paramref name="table"/>, a whole table whose checksum was verified.</summary>
    /// <param name="table">The table, header included.</param>
    /// <param name="file">The file name, for locations.</param>
    /// <param name="origin">The offset of the table in the file.</param>
    /// <param name="label">The table's name for messages.</param>
    /// <param name="root">Where properties outside any device go.</param>
    /// <param name="regions">Where each device's region goes.</param>
    public AmlWalker(byte[] table, string file, long origin, string label, EgmDeviceProperties root, EgmRegionCollector regions)
    {
        this.table = table;
        this.file = file;
        this.origin = origin;
        this.label = label;
        frames.Add(new Frame(table.Length, [], IsDevice: false) { Properties = root });
        this.regions = regions;

        // A revision-1 table has 32-bit integers: Ones is 0xffffffff there (as iasl -d shows it).
        integers32 = table[8] < 2;
    }

    /// <summary>Walks the whole table, adding the region of every device to the collector as the device ends.</summary>
    /// <exception cref="InputException">A term that cannot be stepped over, a length that runs past its holder, bad properties.</exception>
    public void Walk()
    {
        var pos = AmlRegionReader.HeaderLength;
        while (frames.Count > 0)
        {
            var frame = frames[^1];
            if (pos == frame.End)
            {
                frames.RemoveAt(frames.Count - 1);
                if (frames.Count > 0 && frame.Properties is { } properties)
                {
                    regions.Add(properties);
                }

                continue;
            }

            Term(ref pos, frame);
        }
    }

    private SourceLocation At(int pos) => SourceLocation.AtByte(file, origin + pos);

    private InputException Error(int pos, string message) => new(At(pos), $"{label}: {message}");

    private static string PathText(string[] segments) =>
        "\\" + string.Join('.', segments.Select(s => s.TrimEnd('_') is { Length: > 0 } t ? t : s));

    /// <summary>One term of a scope's or device's term list.</summary>
    private void Term(ref int pos, Frame frame)
    {
        var start = pos;
        var end = frame.End;
        var op = Byte(ref pos, end);
        switch (op)
        {
            case 0x10: // DefScope := ScopeOp PkgLength NameString TermList
                Enter(ref pos, frame, start, isDevice: false);
                return;
            case 0x08: // DefName := NameOp NameString DataRefObject
                var name = NameString(ref pos, end);
                if (name.Segments.Length > 0 && name.Segments[^1] == "_DSD" && pos < end && table[pos] is 0x12 or 0x13)
                {
                    Dsd(ref pos, end, Owner());
                }
                else
                {
                    DataObject(ref pos, end, "the value of a Name");
                }

                return;
            case 0x14: // DefMethod := MethodOp PkgLength NameString MethodFlags TermList
                Method(ref pos, end);
                return;
            case 0x06: // DefAlias := AliasOp NameString NameString
                NameString(ref pos, end);
                NameString(ref pos, end);
                return;
            case 0x15: // DefExternal := ExternalOp NameString ObjectType ArgumentCount
                var external = NameString(ref pos, end);
                var type = Byte(ref pos, end);
                var arguments = Byte(ref pos, end);
                if (type == 8 && arguments > 0 && external.Segments.Length > 0)
                {
                    methodsWithArguments.Add(external.Segments[^1]);
                }

                return;
            case 0xA0 or 0xA1 or 0xA2: // If, Else, While: PkgLength and a body not interpreted.
                pos = PkgEnd(ref pos, end);
                return;
            case 0xA3: // Noop
                return;
            case 0x8A or 0x8B or 0x8C or 0x8D or 0x8F: // Create{DWord,Word,Byte,Bit,QWord}Field := Op TermArg TermArg NameString
                TermArg(ref pos, end, 0);
                TermArg(ref pos, end, 0);
                NameString(ref pos, end);
                return;
            case 0x5B:
                ExtendedTerm(ref pos, frame, start);
                return;
            default:
                throw Unknown(start, op, null, frame);
        }
    }

    private void ExtendedTerm(ref int pos, Frame frame, int start)
    {
        var end = frame.End;
        var op = Byte(ref pos, end);
        switch (op)
        {
            case 0x82: // DefDevice := DeviceOp PkgLength NameString TermList
                Enter(ref pos, frame, start, isDevice: true);
                return;
            case 0x01: // DefMutex := MutexOp NameString SyncFlags
                NameString(ref pos, end);
                Byte(ref pos, end);
                return;
            case 0x02: // DefEvent := EventOp NameString
                NameString(ref pos, end);
                return;
            case 0x80: // DefOpRegion := OpRegionOp NameString RegionSpace RegionOffset RegionLen
                NameString(ref pos, end);
                Byte(ref pos, end);
                TermArg(ref pos, end, 0);
                TermArg(ref pos, end, 0);
                return;
            case 0x88: // DefDataRegion := DataRegionOp NameString TermArg TermArg TermArg
                NameString(ref pos, end);
                TermArg(ref pos, end, 0);
                TermArg(ref pos, end, 0);
                TermArg(ref pos, end, 0);
                return;
            case 0x13: // DefCreateField := CreateFieldOp SourceBuff BitIndex NumBits NameString
                TermArg(ref pos, end, 0);
                TermArg(ref pos, end, 0);
                TermArg(ref pos, end, 0);
                NameString(ref pos, end);
                return;
            case 0x81 or 0x86 or 0x87 or 0x83 or 0x84 or 0x85: // Field, IndexField, BankField, Processor, PowerResource, ThermalZone
                pos = PkgEnd(ref pos, end);
                return;
            default:
                throw Unknown(start, 0x5B, op, frame);
        }
    }

    private InputException Unknown(int start, byte op, byte? extended, Frame frame)
    {
        var code = extended is { } second ? $"0x5b 0x{second:x2}" : $"0x{op:x2}";
        return Error(start, $"opcode {code} in {PathText(frame.Path)} is not a term this reader can step over safely (a damaged table, or AML it does not know)");
    }

    /// <summary>Scope or Device: pushes a frame for its term list.</summary>
    private void Enter(ref int pos, Frame frame, int start, bool isDevice)
    {
        var objectEnd = PkgEnd(ref pos, frame.End);
        var name = NameString(ref pos, objectEnd);
        var path = Resolve(name, frame.Path, start);
        if (frames.Count > MaxScopeDepth)
        {
            throw Error(start, $"Scope and Device blocks nest more than {MaxScopeDepth} deep in {PathText(frame.Path)}");
        }

        frames.Add(new Frame(objectEnd, path, isDevice) { Start = start });
    }

    private void Method(ref int pos, int end)
    {
        var methodEnd = PkgEnd(ref pos, end);
        var name = NameString(ref pos, methodEnd);
        var flags = Byte(ref pos, methodEnd);
        var last = name.Segments.Length > 0 ? name.Segments[^1] : string.Empty;
        if ((flags & 7) != 0 && last.Length > 0)
        {
            methodsWithArguments.Add(last);
        }

        // Method (_DSD) { Return (Package () {...}) }: the properties a method returns unconditionally.
        if (last == "_DSD" && pos + 1 < methodEnd && table[pos] == 0xA4 && table[pos + 1] is 0x12 or 0x13)
        {
            var body = pos + 1;
            Dsd(ref body, methodEnd, Owner());
        }

        pos = methodEnd;
    }

    /// <summary>The block a <c>_DSD</c> here belongs to: the innermost device, else the innermost scope.</summary>
    private Frame Owner()
    {
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (frames[i].IsDevice)
            {
                return frames[i];
            }
        }

        return frames[^1];
    }

    /// <summary>The properties of <paramref name="owner"/>, made when its first EGM property is found.</summary>
    private EgmDeviceProperties PropertiesOf(Frame owner) =>
        owner.Properties ??= new EgmDeviceProperties(PathText(owner.Path), At(owner.Start));

    /// <summary>The <c>_DSD</c> package: UUID, package, UUID, package...; the device-properties UUID's package is read.</summary>
    private void Dsd(ref int pos, int end, Frame owner)
    {
        var (p, packageEnd) = PackageBody(ref pos, end);
        while (p < packageEnd)
        {
            var isProperties = IsDevicePropertiesUuid(ref p, packageEnd);
            if (p == packageEnd)
            {
                break;
            }

            if (isProperties && table[p] is 0x12 or 0x13)
            {
                Properties(ref p, packageEnd, owner);
            }
            else
            {
                PackageElement(ref p, packageEnd);
            }
        }

        pos = packageEnd;
    }

    /// <summary>Reads one package element, true when it is the device-properties UUID buffer.</summary>
    private bool IsDevicePropertiesUuid(ref int pos, int end)
    {
        if (table[pos] != 0x11)
        {
            PackageElement(ref pos, end);
            return false;
        }

        // DefBuffer := BufferOp PkgLength BufferSize ByteList
        pos++;
        var bufferEnd = PkgEnd(ref pos, end);
        var sized = Integer(ref pos, bufferEnd, out var size);
        if (!sized)
        {
            TermArg(ref pos, bufferEnd, 0);
        }

        var matches = sized && size == 16 && table.AsSpan(pos, bufferEnd - pos).SequenceEqual(DevicePropertiesUuid);
        pos = bufferEnd;
        return matches;
    }

    /// <summary>The device-properties package: packages of a name and a value.</summary>
    private void Properties(ref int pos, int end, Frame owner)
    {
        var (p, packageEnd) = PackageBody(ref pos, end);
        while (p < packageEnd)
        {
            if (table[p] is 0x12 or 0x13)
            {
                Property(ref p, packageEnd, owner);
            }
            else
            {
                PackageElement(ref p, packageEnd);
            }
        }

        pos = packageEnd;
    }

    private void Property(ref int pos, int end, Frame owner)
    {
        var (p, packageEnd) = PackageBody(ref pos, end);
        if (p < packageEnd && table[p] == 0x0D)
        {
            var nameAt = p;
            var name = String(ref p, packageEnd);
            if (EgmDeviceProperties.PropertyNamed(name) is { } property)
            {
                if (p == packageEnd)
                {
                    throw Error(nameAt, $"'{property}' has no value");
                }

                var valueAt = p;
                if (!Integer(ref p, packageEnd, out var value))
                {
                    throw Error(valueAt, $"'{property}' has {Describe(table[valueAt])}, not an integer constant (Zero, One, Ones, or a byte, word, dword or qword constant)");
                }

                PropertiesOf(owner).Set(property, value, At(nameAt));
            }
        }

        pos = packageEnd;
    }

    private static string Describe(byte op) => op switch
    {
        0x0D => "a string value",
        0x11 => "a buffer value",
        0x12 or 0x13 => "a package value",
        0x5C or 0x5E or 0x2E or 0x2F or (>= (byte)'A' and <= (byte)'Z') or (byte)'_' => "a reference to a named object",
        _ => $"a value of opcode 0x{op:x2}",
    };

    /// <summary>A package's header: returns where its elements start and where it ends.</summary>
    private (int Elements, int End) PackageBody(ref int pos, int end)
    {
        var op = Byte(ref pos, end);
        var packageEnd = PkgEnd(ref pos, end);
        if (op == 0x12)
        {
            Byte(ref pos, packageEnd); // NumElements
        }
        else
        {
            TermArg(ref pos, packageEnd, 0); // VarNumElements
        }

        return (pos, packageEnd);
    }

    /// <summary>PackageElement := DataRefObject | NameString.</summary>
    private void PackageElement(ref int pos, int end)
    {
        if (IsNameStart(table[pos]))
        {
            NameString(ref pos, end);
            return;
        }

        DataObject(ref pos, end, "a package element");
    }

    /// <summary>DataObject: an integer, string, buffer or package constant.</summary>
    private void DataObject(ref int pos, int end, string what)
    {
        var start = pos;
        if (Integer(ref pos, end, out _))
        {
            return;
        }

        switch (Peek(pos, end))
        {
            case 0x0D:
                String(ref pos, end);
                return;
            case 0x11 or 0x12 or 0x13:
                pos++;
                pos = PkgEnd(ref pos, end);
                return;
            default:
                throw Error(start, $"{what} starts with opcode 0x{table[start]:x2}, not a constant this reader can step over safely (a damaged table, or AML it does not know)");
        }
    }

    /// <summary>Reads an integer constant when one is at <paramref name="pos"/>; false (nothing read) otherwise.</summary>
    private bool Integer(ref int pos, int end, out ulong value)
    {
        value = 0;
        if (pos >= end)
        {
            return false;
        }

        var start = pos;
        var width = table[pos] switch
        {
            0x00 or 0x01 or 0xFF => 0,
            0x0A => 1,
            0x0B => 2,
            0x0C => 4,
            0x0E => 8,
            _ => -1,
        };

        if (width < 0)
        {
            // RevisionOp: the interpreter's revision, not a constant of the table; skipped as an operand.
            return false;
        }

        pos++;
        if (width == 0)
        {
            value = table[start] switch
            {
                0x00 => 0,
                0x01 => 1,
                _ => integers32 ? uint.MaxValue : ulong.MaxValue,
            };
            return true;
        }

        Need(pos, width, end, start, "an integer constant");
        for (var i = width - 1; i >= 0; i--)
        {
            value = (value << 8) | table[pos + i];
        }

        pos += width;
        return true;
    }

    /// <summary>String := StringPrefix AsciiCharList NullChar; returns its characters.</summary>
    private ReadOnlySpan<byte> String(ref int pos, int end)
    {
        var start = pos;
        pos++;
        var nul = table.AsSpan(pos, end - pos).IndexOf((byte)0);
        if (nul < 0)
        {
            throw Error(start, "a string runs past the end of the object that holds it (no NUL ends it)");
        }

        var text = table.AsSpan(pos, nul);
        pos += nul + 1;
        return text;
    }

    /// <summary>
    /// An operand (TermArg) of a named object: constants, names, arguments, locals, and the
    /// arithmetic and logical operators firmware writes there; nothing else is guessed at.
    /// </summary>
    private void TermArg(ref int pos, int end, int depth)
    {
        var start = pos;
        if (depth >= MaxExpressionDepth)
        {
            throw Error(start, $"an expression nests more than {MaxExpressionDepth} deep");
        }

        if (Integer(ref pos, end, out _))
        {
            return;
        }

        var op = Byte(ref pos, end);
        switch (op)
        {
            case 0x0D or 0x11 or 0x12 or 0x13:
                pos = start;
                DataObject(ref pos, end, "an operand");
                return;
            case >= 0x60 and <= 0x6E: // Local0-7, Arg0-6
                return;
            case 0x5B when pos < end && table[pos] == 0x30: // RevisionOp
                pos++;
                return;
            case 0x72 or 0x73 or 0x74 or 0x77 or 0x79 or 0x7A or 0x7B or 0x7C or 0x7D or 0x7E or 0x7F or 0x85:
                // Add, Concat, Subtract, Multiply, ShiftLeft, ShiftRight, And, NAnd, Or, NOr, XOr, Mod := Op TermArg TermArg Target
                TermArg(ref pos, end, depth + 1);
                TermArg(ref pos, end, depth + 1);
                Target(ref pos, end);
                return;
            case 0x80 or 0x81 or 0x82 or 0x96 or 0x97 or 0x98 or 0x99:
                // Not, FindSetLeftBit, FindSetRightBit, ToBuffer, ToDecimalString, ToHexString, ToInteger := Op TermArg Target
                TermArg(ref pos, end, depth + 1);
                Target(ref pos, end);
                return;
            case 0x90 or 0x91 or 0x93 or 0x94 or 0x95: // LAnd, LOr, LEqual, LGreater, LLess := Op TermArg TermArg
                TermArg(ref pos, end, depth + 1);
                TermArg(ref pos, end, depth + 1);
                return;
            case 0x92 or 0x83: // LNot, DerefOf := Op TermArg
                TermArg(ref pos, end, depth + 1);
                return;
            default:
                if (IsNameStart(op))
                {
                    pos = start;
                    var name = NameString(ref pos, end);
                    if (name.Segments.Length > 0 && methodsWithArguments.Contains(name.Segments[^1]))
                    {
                        throw Error(start, $"an operand calls the method {string.Join('.', name.Segments)}, whose arguments this reader cannot step over safely");
                    }

                    return;
                }

                throw Error(start, $"an operand starts with opcode 0x{op:x2}, not one this reader can step over safely (a damaged table, or AML it does not know)");
        }
    }

    /// <summary>Target := SuperName | NullName, as firmware writes it in an operand: a name, an argument, a local, Debug or nothing.</summary>
    private void Target(ref int pos, int end)
    {
        var start = pos;
        var op = Byte(ref pos, end);
        if (op == 0x00 || op is >= 0x60 and <= 0x6E)
        {
            return;
        }

        if (op == 0x5B && pos < end && table[pos] == 0x31) // DebugObj
        {
            pos++;
            return;
        }

        if (IsNameStart(op))
        {
            pos = start;
            NameString(ref pos, end);
            return;
        }

        throw Error(start, $"the target of an operator starts with opcode 0x{op:x2}, not one this reader can step over safely");
    }

    private static bool IsNameStart(byte b) => b is 0x5C or 0x5E or 0x2E or 0x2F or (>= (byte)'A' and <= (byte)'Z') or (byte)'_';

    /// <summary>NameString := RootChar NamePath | PrefixPath NamePath.</summary>
    private AmlName NameString(ref int pos, int end)
    {
        var start = pos;
        var rooted = false;
        var parents = 0;
        if (pos < end && table[pos] == 0x5C)
        {
            rooted = true;
            pos++;
        }
        else
        {
            while (pos < end && table[pos] == 0x5E)
            {
                parents++;
                pos++;
            }
        }

        var count = Byte(ref pos, end) switch
        {
            0x00 => 0, // NullName
            0x2E => 2, // DualNamePrefix
            0x2F => Byte(ref pos, end), // MultiNamePrefix SegCount
            _ => -1,
        };

        if (count < 0)
        {
            pos--;
            count = 1;
        }

        Need(pos, 4 * count, end, start, "a name");
        var segments = new string[count];
        for (var i = 0; i < count; i++)
        {
            var seg = table.AsSpan(pos, 4);
            if (!(seg[0] is (>= (byte)'A' and <= (byte)'Z') or (byte)'_')
                || seg[1..].IndexOfAnyExcept(NameChars) >= 0)
            {
                throw Error(pos, $"bytes 0x{Convert.ToHexStringLower(seg)} are not an ACPI name segment (four of A-Z, 0-9, _, not starting with a digit)");
            }

            segments[i] = Encoding.ASCII.GetString(seg);
            pos += 4;
        }

        return new AmlName(rooted, parents, segments);
    }

    /// <summary>The absolute path of <paramref name="name"/> defined in the scope <paramref name="scope"/>.</summary>
    private string[] Resolve(AmlName name, string[] scope, int at)
    {
        if (name.Rooted && name.Segments.Length <= MaxPathSegments)
        {
            return name.Segments;
        }

        if (name.Parents > scope.Length)
        {
            throw Error(at, $"the name {new string('^', name.Parents)}{string.Join('.', name.Segments)} in {PathText(scope)} goes above the root");
        }

        var kept = name.Rooted ? 0 : scope.Length - name.Parents;
        if ((long)kept + name.Segments.Length > MaxPathSegments)
        {
            throw Error(at, $"the path of {string.Join('.', name.Segments)} in {PathText(scope)} has more than {MaxPathSegments} names");
        }

        return [.. scope.AsSpan(0, kept), .. name.Segments];
    }

    /// <summary>PkgLength: returns the end of the object it measures, checked against <paramref name="end"/>.</summary>
    private int PkgEnd(ref int pos, int end)
    {
        var start = pos;
        var lead = Byte(ref pos, end);
        var follow = lead >> 6;
        int length;
        if (follow == 0)
        {
            length = lead & 0x3F;
        }
        else
        {
            if ((lead & 0x30) != 0)
            {
                throw Error(start, $"a PkgLength lead byte 0x{lead:x2} has bits 4-5 set, which the encoding reserves");
            }

            length = lead & 0x0F;
            for (var i = 0; i < follow; i++)
            {
                length |= Byte(ref pos, end) << (4 + (8 * i));
            }
        }

        if (length < follow + 1 || (long)start + length > end)
        {
            throw Error(start, $"a PkgLength of {length} bytes runs {(length < follow + 1 ? "inside its own encoding" : $"past the end of the object that holds it (+{origin + end})")}");
        }

        return start + length;
    }

    private byte Byte(ref int pos, int end)
    {
        if (pos >= end)
        {
            throw Error(pos, $"the object that ends at +{origin + end} is cut short: a term needs more bytes");
        }

        return table[pos++];
    }

    private byte Peek(int pos, int end)
    {
        var at = pos;
        return Byte(ref at, end);
    }

    private void Need(int pos, int count, int end, int start, string what)
    {
        if ((long)pos + count > end)
        {
            throw Error(start, $"{what} runs past the end of the object that holds it (+{origin + end})");
        }
    }

    /// <summary>A scope or device being walked: where it ends, its path, where it starts, its properties once found.</summary>
    private sealed record Frame(int End, string[] Path, bool IsDevice)
    {
        public int Start { get; init; }

        public EgmDeviceProperties? Properties { get; set; }
    }

    /// <summary>A NameString: rooted (<c>\</c>) or with parent prefixes (<c>^</c>), and its segments.</summary>
    private sealed record AmlName(bool Rooted, int Parents, string[] Segments);
}
