namespace EgmEcc.Formats.Output;

/// <summary>An output format of a plan (<c>--format</c>).</summary>
public interface IPlanWriter
{
    /// <summary>The name users give <c>--format</c>.</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="plan"/> to <paramref name="output"/>.</summary>
    void Write(Plan plan, TextWriter output, OutputOptions options);
}
