using System.IO;
using System.Linq;
using System.Text.Json;
using PosSlot.Firmware.Slot;

namespace PosSlot.Host.Replay;

/// <summary>The --json form of a replay: one object, snake_case, times in microseconds.</summary>
public static class ReplayJson
{
    public static void Write(ReplayResult result, TextWriter output)
    {
        var document = new
        {
            file = result.File,
            detect_only = result.DetectOnly,
            sample_rate_hz = result.SampleRateHz,
            edges = result.EdgeCount,
            insertions = result.Insertions,
            removals = result.Removals,
            glitches = result.Glitches,
            noise_bursts = result.NoiseBursts,
            records = result.Records.Select(Record).ToArray(),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    static long? Maybe(long value) => value == InsertionRecord.None ? null : value;

    public static object Record(InsertionRecord r) => new
    {
        index = r.Index,
        inserted_us = r.InsertedUs,
        seated_us = Maybe(r.SeatedUs),
        removed_us = Maybe(r.RemovedUs),
        seat_delay_us = Maybe(r.SeatDelayUs),
        detect_bounces = r.DetectBounces,
        detect_bounce_span_us = r.DetectBounceSpanUs,
        contact_bounces = r.ContactBounces,
        contact_bounce_span_us = r.ContactBounceSpanUs,
        interruptions = r.Interruptions,
        interrupted_us = r.InterruptedUs,
        read_failures = r.ReadFailures,
        flags = FlagNames(r.Flags),
    };

    static string[] FlagNames(int flags)
    {
        var text = InsertionFlags.Describe(flags);
        return text.Length == 0 ? [] : text.Split(',');
    }
}
