using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests.Reports;

/// <summary>The repository the tests run in: its samples and the source of the golden files.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>A sample file as an input named by its repository path (so outputs do not depend on where the repository is).</summary>
    public static InputFile Sample(string fileName)
    {
        var relative = $"data/samples/{fileName}";
        var full = Path.Combine(Root, relative);
        return new InputFile(relative, () => File.OpenRead(full));
    }

    /// <summary>The plan of the two-socket sample host with default options.</summary>
    public static Plan SamplePlan() => new PlanInputs
    {
        Regions = [Sample("grace-2s.regions.csv")],
        Retired = [Sample("grace-2s.retired.csv")],
    }.Plan(PlanOptions.Default);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EgmEcc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find EgmEcc.sln above " + AppContext.BaseDirectory);
    }
}
