namespace EgmEcc.Formats.Output;

/// <summary>An output format of a plan, named by <c>--format</c>.</summary>
public interface IPlanWriter : INamedFormat
{
    /// <summary>Writes <paramref name="plan"/> to <paramref name="output"/>.</summary>
    void Write(Plan plan, TextWriter output, OutputOptions options);
}
