using System.Collections.Immutable;

namespace EgmEcc.Reporting;

/// <summary>The run's warnings, counted by kind (<see cref="Diagnostic.Code"/>), in their original order.</summary>
public sealed record WarningSummary
{
    /// <summary>Every warning and note, in the plan's order.</summary>
    public required ImmutableArray<Diagnostic> All { get; init; }

    /// <summary>Retired records in no region.</summary>
    public int OutOfRegion { get; init; }

    /// <summary>Retired records clipped at a region's edge.</summary>
    public int Clipped { get; init; }

    /// <summary>Region bases not aligned to a counted hugepage size.</summary>
    public int MisalignedBases { get; init; }

    /// <summary>Firmware retired-page tables near the 4096-entry limit.</summary>
    public int FirmwareTablesNearLimit { get; init; }

    /// <summary>Warnings of no kind listed above.</summary>
    public int Other { get; init; }

    /// <summary>Warnings (not notes) of every kind.</summary>
    public int Warnings => OutOfRegion + Clipped + MisalignedBases + FirmwareTablesNearLimit + Other;

    /// <summary>Counts <paramref name="diagnostics"/> by kind; notes (<see cref="Severity.Info"/>) are listed but not counted.</summary>
    public static WarningSummary Create(ImmutableArray<Diagnostic> diagnostics)
    {
        int outOfRegion = 0, clipped = 0, misaligned = 0, firmware = 0, other = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity != Severity.Warning)
            {
                continue;
            }

            switch (d.Code)
            {
                case DiagnosticCodes.OutOfRegion: outOfRegion++; break;
                case DiagnosticCodes.Clipped: clipped++; break;
                case DiagnosticCodes.MisalignedBase: misaligned++; break;
                case DiagnosticCodes.FirmwareTableNearLimit: firmware++; break;
                default: other++; break;
            }
        }

        return new WarningSummary
        {
            All = diagnostics,
            OutOfRegion = outOfRegion,
            Clipped = clipped,
            MisalignedBases = misaligned,
            FirmwareTablesNearLimit = firmware,
            Other = other,
        };
    }

    /// <summary>The non-zero counts as words: <c>1 out-of-region record, 2 misaligned bases</c>; empty when none.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add(OutOfRegion, "out-of-region record", "out-of-region records");
        Add(Clipped, "clipped record", "clipped records");
        Add(MisalignedBases, "misaligned base", "misaligned bases");
        Add(FirmwareTablesNearLimit, "firmware table near the 4096-entry limit", "firmware tables near the 4096-entry limit");
        Add(Other, "other warning", "other warnings");
        return string.Join(", ", parts);

        void Add(int count, string one, string many)
        {
            if (count > 0)
            {
                parts.Add($"{count} {(count == 1 ? one : many)}");
            }
        }
    }
}
