namespace EgmEcc.Formats.Output.Documents;

/// <summary>An output format of a fleet document (a fleet report, a forecast, a diff): <c>--format</c>.</summary>
/// <typeparam name="T">The document.</typeparam>
public interface IDocumentWriter<in T> : INamedFormat
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    void Write(T document, TextWriter output);
}
