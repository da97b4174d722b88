using System.Collections.Generic;
using PosSlot.Firmware;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Reporting;
using PosSlot.Host.Traces;

namespace PosSlot.Host.Replay;

/// <summary>Feeds a trace through the real firmware core, edge by edge, as the board's capture layer would.</summary>
public static class ReplayRunner
{
    /// <summary>Time run past the end of the trace so the last bursts settle (longest window: chatter, 50 ms).</summary>
    public const long TailUs = 100_000;

    public static ReplayResult Run(Trace trace, string file, SlotConfig config)
    {
        var fw = new SlotFirmware(config, new HealthSettings(), new UnwiredFallbackLine(), SlotFirmware.DefaultLogCapacity);
        var core = fw.Core;
        var collector = new ReplayCollector();
        core.AddSink(collector);
        foreach (var edge in trace.Edges)
        {
            core.OnEdge(edge.Line, edge.Level, edge.TimeUs);
        }
        core.Advance(trace.EndUs + TailUs);

        var records = new List<InsertionRecord>(collector.Records);
        if (core.Monitor.Current is { } stillIn)
        {
            var copy = new InsertionRecord();
            stillIn.CopyTo(copy);
            records.Add(copy);
        }
        long glitches = 0, noise = 0;
        for (int line = 0; line < SlotLine.Count; line++)
        {
            glitches += core.Line(line).Glitches;
            noise += core.Line(line).NoiseBursts;
        }
        return new ReplayResult(file, trace.DetectOnly, trace.SampleRateHz, trace.Edges.Count,
            core.Monitor.Insertions, core.Monitor.Removals, records, collector.Events, glitches, noise, HealthSummary.Of(fw));
    }
}
