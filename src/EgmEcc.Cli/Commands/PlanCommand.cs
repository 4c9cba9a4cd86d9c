using System.CommandLine;
using EgmEcc.Formats.Output;

namespace EgmEcc.Cli.Commands;

/// <summary><c>egmecc plan</c>: plan the inputs and write the plan in one format.</summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new InputOptions();
        var format = OutputFlags.Format(PlanWriters.All.Names, "json");
        var output = OutputFlags.Output();
        var guestBase = SizeOptions.Address("--guest-base", "dts, qemu: where guest RAM starts [default: 0x40000000, QEMU's arm virt machine].");
        var reservedMemory = new Option<bool>("--reserved-memory")
        {
            Description = "dts: one memory node per guest node, and the holes as /reserved-memory nodes with no-map.",
        };
        var prealloc = new Option<bool>("--prealloc")
        {
            Description = "qemu: add prealloc=on to every memory backend (QEMU touches all guest RAM at start).",
        };
        var mapAlign = SizeOptions.Size(
            "--map-align",
            "windows: align every window to this mapping size, a power of two [default: per region, the largest --huge-pages size that keeps at least 90% of the usable bytes mappable, else the layout granule].");

        var command = new Command("plan", "Compute each region's holes, usable extents and hugepage capacity.");
        inputs.AddTo(command);
        command.Add(format);
        command.Add(output);
        command.Add(guestBase);
        command.Add(reservedMemory);
        command.Add(prealloc);
        command.Add(mapAlign);
        command.SetAction(result =>
        {
            var align = result.GetValue(mapAlign)?.Bytes;
            if (align is { } a && !Numbers.IsPowerOfTwo(a))
            {
                throw new UsageException($"--map-align must be a power of two, not {new ByteSize(a)}");
            }

            var outputOptions = new OutputOptions
            {
                Invocation = Invocation.Describe(result),
                GuestBase = result.GetValue(guestBase)?.Bytes ?? GuestLayout.VirtRamBase,
                ReservedMemory = result.GetValue(reservedMemory),
                MapAlign = align,
                Prealloc = result.GetValue(prealloc),
            };
            var options = inputs.ResolvePlanOptions(result);
            if (result.GetValue(guestBase) is { } given && GuestLayout.CheckBase(given.Bytes, options.GuestPage) is { } problem)
            {
                throw problem.ToException();
            }

            OutputTarget.Check(result.GetValue(output));
            var writer = PlanWriters.All.Find(result.GetValue(format)!)!;
            if (writer is IStreamingPlanWriter streaming)
            {
                // Each region written while it is tiled: the whole plan of 10^7 records is
                // hundreds of megabytes that no one needs at once. The diagnostics are final
                // before the first region, so standard error still comes first.
                var swept = inputs.ResolveInputs(result, console).Sweep(options);
                Diagnostics.Print(swept.Diagnostics, console.Error);
                OutputTarget.Write(result.GetValue(output), console, w => streaming.Write(swept, w, outputOptions));
                return ExitCodes.Success;
            }

            var plan = inputs.ResolveInputs(result, console).Plan(options);
            Diagnostics.Print(plan.Diagnostics, console.Error);
            writer.WriteNotes(plan, console.Error, outputOptions);
            if (writer is PlanDtsWriter or PlanQemuWriter && DirectBootArea.Warning(GuestLayout.Create(plan, outputOptions.GuestBase)) is { } bootWarning)
            {
                Diagnostics.Print([bootWarning], console.Error);
            }

            // Writers refuse settings the plan cannot satisfy (several hosts for one guest, a guest
            // base too high) with a SettingException: a usage error, like any refused flag.
            OutputTarget.Write(result.GetValue(output), console, w => writer.Write(plan, w, outputOptions));

            return ExitCodes.Success;
        });
        return command;
    }
}
