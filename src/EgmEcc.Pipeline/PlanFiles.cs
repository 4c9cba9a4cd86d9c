using EgmEcc.Diffing;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;

namespace EgmEcc.Pipeline;

/// <summary>Plans written earlier (<c>egmecc.plan/1</c> documents), read back and compared.</summary>
public static class PlanFiles
{
    /// <summary>What changed from the plan in <paramref name="older"/> to the plan in <paramref name="newer"/>.</summary>
    /// <exception cref="InputException">Either file is not a well-formed plan document.</exception>
    public static PlanDiff Diff(InputFile older, InputFile newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return PlanDiff.Compare(PlanJsonReader.Read(older), PlanJsonReader.Read(newer));
    }
}
