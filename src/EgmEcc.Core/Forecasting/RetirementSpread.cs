namespace EgmEcc.Forecasting;

/// <summary>How future retirements are laid out in a region.</summary>
public enum RetirementSpread
{
    /// <summary>Each retired page lands at a uniformly random granule, independently.</summary>
    Uniform,

    /// <summary>
    /// Pages retire in runs of adjacent granules (a failing DRAM row takes its neighbours with it):
    /// runs start at uniformly random granules and have a geometric length of mean
    /// <see cref="ForecastOptions.MeanRunPages"/>; the expected number of pages is the same as uniform.
    /// </summary>
    Clustered,
}
