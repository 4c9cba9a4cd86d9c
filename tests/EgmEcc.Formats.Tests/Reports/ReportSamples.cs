using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests.Reports;

/// <summary>The two-socket sample host, as inputs and as a plan, for the report writers.</summary>
internal static class ReportSamples
{
    /// <summary>A sample file as an input named by its repository path (so outputs do not depend on where the repository is).</summary>
    public static InputFile Sample(string fileName)
    {
        var relative = $"data/samples/{fileName}";
        var full = Repo.PathOf(relative);
        return new InputFile(relative, () => File.OpenRead(full));
    }

    /// <summary>The plan of the two-socket sample host with default options.</summary>
    public static Plan SamplePlan() => new HostInputs
    {
        Regions = [Sample("grace-2s.regions.csv")],
        Retired = [Sample("grace-2s.retired.csv")],
    }.Plan(PlanOptions.Default);
}
