namespace EgmEcc;

/// <summary>What a record says about the memory it covers (docs/design.md §2).</summary>
public enum RecordKind : byte
{
    /// <summary>Retired memory: the planner makes a hole of it.</summary>
    Retired = 0,

    /// <summary>
    /// A corrected error (a CPER memory-error section of severity <c>corrected</c>): the page still
    /// works but is at risk. The planner lists it per region and leaves it usable, unless the plan
    /// options ask to retire corrected errors too.
    /// </summary>
    AtRisk = 1,
}
