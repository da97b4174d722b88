using System.Globalization;
using System.IO;
using PosSlot.Host.Reporting;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Slot;

namespace PosSlot.Host.Replay;

/// <summary>The human form of a replay: a line per insertion as it finishes, then a summary.</summary>
public sealed class ReplayText(TextWriter output) : IReplayOutput
{
    public void Begin(string file, bool detectOnly, long? sampleRateHz, long edges)
    {
    }

    public void Record(InsertionRecord r) => output.WriteLine(Line(r));

    public void End(ReplayResult result)
    {
        output.WriteLine();
        var source = result.SampleRateHz is { } rate ? $"{rate} Hz samples" : "edges";
        output.WriteLine($"{result.File}: {result.EdgeCount} edges ({source}{(result.DetectOnly ? ", contact follows detect" : "")})");
        output.WriteLine($"insertions {result.Insertions}, removals {result.Removals}, glitches filtered {result.Glitches}, noise bursts {result.NoiseBursts}");
        HealthText.Write(result.Health, output);
        output.WriteLine(result.Events.Count == 0 ? "events: none" : "events:");
        foreach (var e in result.Events)
        {
            output.WriteLine($"  {Seconds(e.TimeUs)} s  #{e.InsertionIndex,-5} {e.Name,-24} {EventText.Describe(e.Code, e.Detail1, e.Detail2)}");
        }
        if (result.EventsNotKept > 0)
        {
            output.WriteLine($"  ... and {result.EventsNotKept} more events (the first {ReplayCollector.MaxEvents} are shown)");
        }
    }

    public static string Line(InsertionRecord r)
    {
        var seated = r.Seated ? $"seated +{Ms(r.SeatDelayUs)} ms" : "never seated";
        var removed = r.RemovedUs == InsertionRecord.None ? "still in" : $"removed {Seconds(r.RemovedUs)} s";
        var flags = InsertionFlags.Describe(r.Flags);
        return $"#{r.Index,-5} in {Seconds(r.InsertedUs)} s  {seated,-18} {removed,-18}"
            + $" detect bounce {r.DetectBounces}/{Ms(r.DetectBounceSpanUs)} ms"
            + $"  contact bounce {r.ContactBounces}/{Ms(r.ContactBounceSpanUs)} ms"
            + $"  interruptions {r.Interruptions} ({Ms(r.InterruptedUs)} ms)"
            + (r.ReadFailures > 0 ? $"  read failures {r.ReadFailures}" : "")
            + (flags.Length > 0 ? "  [" + flags + "]" : "");
    }

    public static string Seconds(long us) => (us / 1e6).ToString("0.000000", CultureInfo.InvariantCulture);

    public static string Ms(long us) => (us / 1e3).ToString("0.###", CultureInfo.InvariantCulture);
}
