using System;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware;
using PosSlot.Firmware.Health;

namespace PosSlot.Benchmarks;

/// <summary>
/// The deterministic cost measure (`-- --counts`): a recorded run fed as the board feeds it, with
/// Advance called at every deadline the core asks for before each edge (the one-shot timer), and
/// the core's work counters read per edge. Same numbers on every machine, unlike ns.
/// </summary>
public static class CoreWorkCounts
{
    public static void Print(string scenario, int insertions)
    {
        var edges = new RecordedEdges(ScenarioCatalog.Find(scenario)!, insertions, 1);
        var fw = new SlotFirmware(new SlotConfig(), new HealthSettings { RatedCycles = long.MaxValue / 4 }, new UnwiredFallbackLine(), SlotFirmware.DefaultLogCapacity);
        var core = fw.Core;
        Feed(core, edges, 0); // warm: baseline learned, log wrapped
        long evaluations = core.DeadlineEvaluations, passes = core.AdvancePasses;
        Feed(core, edges, edges.SpanUs);
        double n = edges.TimeUs.Length;
        Console.WriteLine($"{scenario}: {insertions} insertions, {edges.TimeUs.Length} edges, Advance at every deadline:"
            + $" deadline evaluations {(core.DeadlineEvaluations - evaluations) / n:0.000} per edge,"
            + $" Advance loop passes {(core.AdvancePasses - passes) / n:0.000} per edge");
    }

    static void Feed(SlotCore core, RecordedEdges edges, long offsetUs)
    {
        long[] t = edges.TimeUs;
        int[] line = edges.Line;
        int[] level = edges.Level;
        for (int i = 0; i < t.Length; i++)
        {
            long at = t[i] + offsetUs;
            while (core.NextDeadlineUs <= at)
            {
                core.Advance(core.NextDeadlineUs);
            }
            core.OnEdge(line[i], level[i], at);
        }
        core.Advance(offsetUs + edges.SpanUs);
    }
}
