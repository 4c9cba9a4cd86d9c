namespace EgmEcc.Fleet;

/// <summary>Joins the plans of single hosts into one plan of the fleet, as if planned together.</summary>
public static class CombinedPlan
{
    /// <summary>
    /// One plan holding every region of <paramref name="plans"/> (given in host order, each host's
    /// regions by base, so the result is sorted by host and base), the accountings summed and the
    /// diagnostics in host order.
    /// </summary>
    /// <exception cref="ArgumentException">No plans, or plans made with different options.</exception>
    public static Plan Of(IReadOnlyList<Plan> plans, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(options);
        if (plans.Any(p => p.Options != options))
        {
            throw new ArgumentException("every plan must be made with the same options", nameof(plans));
        }

        var accounting = new Accounting(0, 0, 0, 0, 0);
        foreach (var plan in plans)
        {
            accounting += plan.Accounting;
        }

        return new Plan
        {
            Options = options,
            Regions = [.. plans.SelectMany(p => p.Regions)],
            Accounting = accounting,
            Diagnostics = [.. plans.SelectMany(p => p.Diagnostics)],
            FirmwareTables = [.. plans.SelectMany(p => p.FirmwareTables)],
        };
    }
}
