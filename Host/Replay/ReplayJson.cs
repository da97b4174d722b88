using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using PosSlot.Host.Reporting;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Slot;

namespace PosSlot.Host.Replay;

/// <summary>
/// The --json form of a replay: one object, snake_case, times in microseconds. Written as the
/// replay runs: the trace's description, then each record as its insertion finishes (one line
/// each), then the counts, health and events, so memory stays constant in the trace's size.
/// </summary>
public sealed class ReplayJson(TextWriter output) : IReplayOutput
{
    bool _first = true;

    public void Begin(string file, bool detectOnly, long? sampleRateHz, long edges)
    {
        var head = JsonSerializer.Serialize(new { file, detect_only = detectOnly, sample_rate_hz = sampleRateHz, edges }, Options);
        output.Write(head[..head.LastIndexOf('}')].TrimEnd());
        output.Write(",\n  \"records\": [");
    }

    public void Record(InsertionRecord r)
    {
        output.Write(_first ? "\n    " : ",\n    ");
        _first = false;
        output.Write(JsonSerializer.Serialize(Fields(r), Compact));
    }

    public void End(ReplayResult result)
    {
        var tail = new
        {
            insertions = result.Insertions,
            removals = result.Removals,
            glitches = result.Glitches,
            noise_bursts = result.NoiseBursts,
            health = result.Health.Health,
            flags = result.Health.Flags.Select(f => new
            {
                fault = f.Fault,
                level = f.Level,
                reason = f.Reason,
                in_probation = f.InProbation,
                advice_en = f.AdviceEn,
                advice_zh = f.AdviceZh,
            }).ToArray(),
            fallback = new { engaged = result.Health.FallbackEngaged, at_insertion = result.Health.FallbackAtInsertion },
            measures = MeasuresJson.Of(result.Health.Measures),
            forecast = MeasuresJson.Forecast(result.Health.Forecast),
            events = result.Events.Select(e => new
            {
                @event = e.Name,
                t_us = e.TimeUs,
                reported_us = e.ReportUs,
                insertion = e.InsertionIndex,
                detail1 = e.Detail1,
                detail2 = e.Detail2,
                details = EventText.Describe(e.Code, e.Detail1, e.Detail2),
            }).ToArray(),
            events_not_kept = result.EventsNotKept,
        };
        var text = JsonSerializer.Serialize(tail, Options);
        output.Write(_first ? "],\n" : "\n  ],\n");
        output.WriteLine(text[(text.IndexOf('{') + 1)..].TrimStart('\r', '\n'));
    }

    static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented, and Chinese advice kept readable rather than \u-escaped.</summary>
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static long? Maybe(long value) => value == InsertionRecord.None ? null : value;

    public static object Fields(InsertionRecord r) => new
    {
        index = r.Index,
        inserted_us = r.InsertedUs,
        seated_us = Maybe(r.SeatedUs),
        removed_us = Maybe(r.RemovedUs),
        inserted_reported_us = Maybe(r.InsertedReportedUs),
        seated_reported_us = Maybe(r.SeatedReportedUs),
        removed_reported_us = Maybe(r.RemovedReportedUs),
        seat_delay_us = Maybe(r.SeatDelayUs),
        detect_bounces = r.DetectBounces,
        detect_bounce_span_us = r.DetectBounceSpanUs,
        contact_bounces = r.ContactBounces,
        contact_bounce_span_us = r.ContactBounceSpanUs,
        interruptions = r.Interruptions,
        interrupted_us = r.InterruptedUs,
        detect_dropouts = r.DetectDropouts,
        detect_dropout_us = r.DetectDropoutUs,
        read_failures = r.ReadFailures,
        flags = FlagNames(r.Flags),
    };

    static string[] FlagNames(int flags)
    {
        var text = InsertionFlags.Describe(flags);
        return text.Length == 0 ? [] : text.Split(',');
    }
}
