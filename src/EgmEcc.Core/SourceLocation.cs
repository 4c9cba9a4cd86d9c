namespace EgmEcc;

/// <summary>
/// Where an input item came from: a file and a line, or a file and a byte offset for binary inputs.
/// </summary>
/// <remarks>
/// <para><see cref="ToString"/> gives <c>FILE:LINE</c> for text (lines count from 1) and
/// <c>FILE:+OFFSET</c> for binary inputs (offset in decimal bytes from the start of the file),
/// the prefix every EgmEcc diagnostic starts with. A location with no line is just <c>FILE</c>.</para>
/// <para><c>default</c> is an unknown location and prints as <c>-</c>.</para>
/// </remarks>
public readonly struct SourceLocation : IEquatable<SourceLocation>
{
    private readonly string? file;

    // A line (or 0) as itself, a byte offset b as ~b (negative): 16 bytes a location instead of
    // 24, which every retired record carries.
    private readonly long packed;

    private SourceLocation(string file, long position, bool isByteOffset)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        this.file = file;
        packed = isByteOffset ? ~position : position;
    }

    // As stored, for a value that keeps the two apart (RetiredRecord packs its kind beside them).
    private SourceLocation(string? file, long packed) => (this.file, this.packed) = (file, packed);

    /// <summary>The file name as the user gave it (<c>-</c> for standard input).</summary>
    public string File => file ?? "-";

    /// <summary>The 1-based line, or 0 when the location is a byte offset or the whole file.</summary>
    public long Line => packed >= 0 ? packed : 0;

    /// <summary>The byte offset, or -1 when the location is a line.</summary>
    public long ByteOffset => packed < 0 ? ~packed : -1;

    /// <summary>True for a location inside a binary input.</summary>
    public bool IsByteOffset => packed < 0;

    /// <summary>A line of a text file (1-based).</summary>
    public static SourceLocation AtLine(string file, long line) => new(file, line, isByteOffset: false);

    /// <summary>A byte offset of a binary file (0-based).</summary>
    public static SourceLocation AtByte(string file, long offset) => new(file, offset, isByteOffset: true);

    /// <summary>A whole file, when no finer position applies.</summary>
    public static SourceLocation InFile(string file) => new(file, 0, isByteOffset: false);

    /// <summary>The file as stored: null for <c>default</c>.</summary>
    internal string? StoredFile => file;

    /// <summary>The position as stored: a line (or 0) as itself, a byte offset b as ~b.</summary>
    internal long PackedPosition => packed;

    /// <summary>The location whose <see cref="StoredFile"/> and <see cref="PackedPosition"/> these are.</summary>
    internal static SourceLocation FromStored(string? file, long packed) => new(file, packed);

    /// <inheritdoc/>
    public override string ToString() =>
        file is null ? "-"
        : packed < 0 ? $"{file}:+{~packed}"
        : packed == 0 ? file
        : $"{file}:{packed}";

    /// <inheritdoc/>
    public bool Equals(SourceLocation other) =>
        string.Equals(file, other.file, StringComparison.Ordinal) && packed == other.packed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(file, packed);

    /// <summary>Equality.</summary>
    public static bool operator ==(SourceLocation left, SourceLocation right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SourceLocation left, SourceLocation right) => !left.Equals(right);
}
