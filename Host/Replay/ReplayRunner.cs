using PosSlot.Firmware;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Reporting;
using PosSlot.Host.Traces;

namespace PosSlot.Host.Replay;

/// <summary>Feeds a trace through the real firmware core, edge by edge, as the board's capture layer would, streaming the insertions out.</summary>
public static class ReplayRunner
{
    /// <summary>Time run past the end of the trace so the last bursts settle (longest window: chatter, 50 ms).</summary>
    public const long TailUs = 100_000;

    /// <summary>Replays `trace` (already checked whole: `edges` is its count) into `output`.</summary>
    public static ReplayResult Run(TraceReader trace, string file, long edges, SlotConfig config, IReplayOutput output)
    {
        var fw = new SlotFirmware(config, new HealthSettings(), new UnwiredFallbackLine(), SlotFirmware.DefaultLogCapacity);
        var core = fw.Core;
        var collector = new ReplayCollector(output);
        core.AddSink(collector);
        bool begun = false;
        foreach (var edge in trace.Edges())
        {
            if (!begun)
            {
                output.Begin(file, trace.DetectOnly, trace.SampleRateHz, edges);
                begun = true;
            }
            core.OnEdge(edge.Line, edge.Level, edge.TimeUs);
        }
        if (!begun)
        {
            output.Begin(file, trace.DetectOnly, trace.SampleRateHz, edges);
        }
        core.Advance(trace.EndUs + TailUs);

        long records = collector.Records;
        if (core.Monitor.Current is { } stillIn)
        {
            output.Record(stillIn);
            records++;
        }
        long glitches = 0, noise = 0;
        for (int line = 0; line < SlotLine.Count; line++)
        {
            glitches += core.Line(line).Glitches;
            noise += core.Line(line).NoiseBursts;
        }
        var result = new ReplayResult(file, trace.DetectOnly, trace.SampleRateHz, edges, core.Monitor.Insertions, core.Monitor.Removals,
            records, collector.Events, collector.EventsNotKept, glitches, noise, HealthSummary.Of(fw));
        output.End(result);
        return result;
    }
}
