using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline;

/// <summary>
/// The inputs of one planning run: region files and retired files, each with an optional format
/// name (null to detect), and what readers need. <see cref="Plan"/> reads them all and plans.
/// </summary>
public sealed record HostInputs
{
    /// <summary>The region inputs (<c>--regions</c>).</summary>
    public required IReadOnlyList<InputFile> Regions { get; init; }

    /// <summary>The retired-record inputs (<c>--retired</c>); may be empty.</summary>
    public required IReadOnlyList<InputFile> Retired { get; init; }

    /// <summary>The region format to use instead of detecting it.</summary>
    public string? RegionsFormat { get; init; }

    /// <summary>The retired format to use instead of detecting it.</summary>
    public string? RetiredFormat { get; init; }

    /// <summary>What readers may need beyond their bytes.</summary>
    public ReadOptions ReadOptions { get; init; } = ReadOptions.Default;

    /// <summary>The formats to choose from.</summary>
    public FormatRegistry Formats { get; init; } = FormatRegistry.Default;

    /// <summary>Reads the regions only, validated.</summary>
    /// <exception cref="InputException">Bad input.</exception>
    public RegionSet LoadRegions() => new InputLoader(Formats, ReadOptions).LoadRegions(Regions, RegionsFormat);

    /// <summary>Reads every input and plans; the readers' notes come first in the plan's diagnostics.</summary>
    /// <exception cref="InputException">Bad input.</exception>
    public Plan Plan(PlanOptions options)
    {
        var regions = new InputLoader(Formats, ReadOptions).LoadRegions(Regions, RegionsFormat);
        var retired = new InputLoader(Formats, ReadOptions with { Regions = regions }).LoadRetired(Retired, RetiredFormat);
        var plan = Planner.Create(regions, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(retired.Records), options);
        return retired.Diagnostics.Count == 0 ? plan : plan with { Diagnostics = [.. retired.Diagnostics, .. plan.Diagnostics] };
    }
}
