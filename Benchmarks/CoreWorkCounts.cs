using System;
using System.Collections.Generic;
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
        long evaluations = core.DeadlineEvaluations, passes = core.AdvancePasses, reads = core.DeadlineReads;
        Feed(core, edges, edges.SpanUs);
        double n = edges.TimeUs.Length;
        Console.WriteLine($"{scenario}: {insertions} insertions, {edges.TimeUs.Length} edges, Advance at every deadline:"
            + $" deadline evaluations {(core.DeadlineEvaluations - evaluations) / n:0.000} per edge,"
            + $" Advance loop passes {(core.AdvancePasses - passes) / n:0.000} per edge,"
            + $" deadline reads {(core.DeadlineReads - reads) / n:0.000} per edge");
        PrintInterpreted(scenario, typeof(SlotCore).Assembly.Location, edges);
    }

    /// <summary>
    /// Managed calls and IL instructions per edge of the firmware build at firmwarePath (this
    /// build's by default; pass an older PosSlot.Firmware.dll to compare), with the methods called
    /// most. The feed is the one above, deadline getter included.
    /// </summary>
    public static void PrintInterpreted(string scenario, string firmwarePath, RecordedEdges edges)
    {
        var counts = InterpretedWork.Measure(firmwarePath, edges);
        double n = counts.Edges;
        Console.WriteLine($"{scenario}: managed calls {counts.Calls / n:0.00} per edge, IL instructions {counts.Instructions / n:0.0} per edge ({firmwarePath})");
        var top = new List<KeyValuePair<string, long>>(counts.CallsByMethod);
        top.Sort((a, b) => b.Value.CompareTo(a.Value));
        for (int i = 0; i < top.Count && i < 40; i++)
        {
            Console.WriteLine($"    {top[i].Value / n,6:0.00} calls {counts.InstructionsByMethod[top[i].Key] / n,6:0.0} IL  {top[i].Key}");
        }
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
