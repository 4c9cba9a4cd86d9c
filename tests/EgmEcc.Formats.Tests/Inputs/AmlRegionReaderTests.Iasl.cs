using EgmEcc.Formats.Acpi;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// The judge: <c>iasl</c> compiles every ASL source of <c>data/</c>, and the AML reader on the
/// table must find exactly what the disassembly reader finds in <c>iasl -d</c> of the same table.
/// </summary>
public partial class AmlRegionReaderTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("egmecc-aml-").FullName;

    public static TheoryData<string> AslSources()
    {
        var sources = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestInputs.DataPath("acpi"), "*.asl").Order(StringComparer.Ordinal))
        {
            sources.Add("acpi/" + Path.GetFileName(path));
        }

        sources.Add("samples/grace-2s.asl");
        return sources;
    }

    public void Dispose()
    {
        Directory.Delete(work, recursive: true);
        GC.SuppressFinalize(this);
    }

    [ToolTheory("iasl")]
    [MemberData(nameof(AslSources))]
    public void Read_IaslCompiledTable_FindsWhatTheDisassemblyReaderFinds(string source)
    {
        var dsl = Iasl.CompileAndDisassemble(TestInputs.DataPath(source), work);
        var aml = Path.ChangeExtension(dsl, ".aml");

        var fromAml = Outcome(new AmlRegionReader(), aml);
        var fromDsl = Outcome(new AcpiDslRegionReader(), dsl);

        Assert.Equal(fromDsl, fromAml);
        Assert.Equal(source.Contains("conflicting", StringComparison.Ordinal), fromAml.StartsWith("error: ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The regions a reader finds (id, PXM, base, size, table base), or the kind of error it
    /// raises: the message up to where the two formats' locations differ (lines against bytes).
    /// </summary>
    private static string Outcome(IRegionReader reader, string path)
    {
        var file = InputFile.FromPath(path);
        try
        {
            using var stream = file.Open();
            return string.Join("\n", reader.Read(stream, file, ReadOptions.Default).Select(r => Shape(r).ToString()));
        }
        catch (InputException e)
        {
            var cut = e.Message.IndexOf(" in device ", StringComparison.Ordinal);
            return "error: " + (cut < 0 ? e.Message : e.Message[..cut]);
        }
    }
}
