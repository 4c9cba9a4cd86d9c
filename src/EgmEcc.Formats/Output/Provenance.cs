namespace EgmEcc.Formats.Output;

/// <summary>
/// The leading comment of layout outputs: what the file is and the command line that made it, so a
/// file says how to reproduce it.
/// </summary>
internal static class Provenance
{
    /// <summary>
    /// Writes <paramref name="what"/>, the invocation, and the options in effect (the plan's
    /// semantics and <paramref name="layout"/>, the format's own) as comment lines starting with
    /// <paramref name="prefix"/>. The options line names defaults too, so the file says what it was
    /// made with even when the command line left them out or when no invocation was recorded.
    /// </summary>
    public static void Write(TextWriter output, string prefix, string what, OutputOptions options, PlanOptions plan, string layout)
    {
        output.WriteLine($"{prefix} {what}");
        output.WriteLine(options.Invocation is { } invocation
            ? $"{prefix} made by: {OneLine(invocation)}"
            : $"{prefix} made by: egmecc");
        output.WriteLine($"{prefix} options: {Semantics(plan)}; {layout}");
    }

    /// <summary><c>granule 64K, guest page 64K, min extent 64K, huge pages 2M 32M 512M 1G</c>.</summary>
    public static string Semantics(PlanOptions o) =>
        $"granule {new ByteSize(o.Granule)}, guest page {new ByteSize(o.GuestPage)}, min extent {new ByteSize(o.MinExtent)}, huge pages {(o.HugePages.IsEmpty ? "none" : string.Join(' ', o.HugePages.Select(h => new ByteSize(h).ToString())))}";

    /// <summary>Text safe inside a one-line comment: line breaks become <c>\n</c>.</summary>
    public static string OneLine(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
