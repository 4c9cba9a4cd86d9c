namespace EgmEcc.Formats.Output;

/// <summary>An output format of a plan, named by <c>--format</c>.</summary>
public interface IPlanWriter : INamedFormat
{
    /// <summary>Writes <paramref name="plan"/> to <paramref name="output"/>.</summary>
    void Write(Plan plan, TextWriter output, OutputOptions options);

    /// <summary>
    /// Writes what a person should know about the output but the format cannot carry itself (a
    /// format that must stay pure arguments) to <paramref name="notes"/>, standard error on the
    /// command line. Most formats carry everything in their output and write nothing here.
    /// </summary>
    void WriteNotes(Plan plan, TextWriter notes, OutputOptions options)
    {
    }
}
