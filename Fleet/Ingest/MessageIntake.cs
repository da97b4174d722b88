using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Ingest;

/// <summary>
/// Turns one received message into what the store writes: a state, an events batch, or a drop with a short reason
/// key for the counters (the validator's full reason goes to the log). Never throws on input.
/// </summary>
public static class MessageIntake
{
    /// <summary>The drop reasons, as counted in the store and printed in the summary.</summary>
    public static class Reasons
    {
        public const string ForeignTopic = "foreign_topic";
        public const string Oversized = "oversized";
        public const string Empty = "empty";
        public const string MalformedJson = "malformed_json";
        public const string UnknownSchema = "unknown_schema";
        public const string SchemaInvalid = "schema_invalid";
        public const string WrongSerial = "wrong_serial";
        public const string WrongSite = "wrong_site";
    }

    public static StoreItem Classify(string topic, ReadOnlySpan<byte> payload, out string detail)
    {
        var verdict = MessageValidator.Check(topic, payload);
        if (!verdict.Valid)
        {
            detail = verdict.Reason;
            return new DropRecord(ReasonKey(verdict, payload));
        }
        detail = "";
        using var doc = verdict.Document!;
        var address = verdict.Address!;
        var json = Encoding.UTF8.GetString(payload);
        try
        {
            return address.Kind == FleetAddress.StateKind
                ? ToRecord(FleetJson.State(payload)!, json)
                : ToRecord(FleetJson.Events(payload)!);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            // Valid by the schema but not readable as the record (an agent_time the schema's pattern let through).
            detail = "unreadable: " + e.Message;
            return new DropRecord(Reasons.SchemaInvalid);
        }
    }

    private static string ReasonKey(Verdict verdict, ReadOnlySpan<byte> payload)
    {
        var r = verdict.Reason;
        if (verdict.Address is null)
        {
            return Reasons.ForeignTopic;
        }
        if (r.StartsWith("oversized", StringComparison.Ordinal))
        {
            return Reasons.Oversized;
        }
        if (r.StartsWith("empty", StringComparison.Ordinal))
        {
            return Reasons.Empty;
        }
        if (r.StartsWith("malformed", StringComparison.Ordinal))
        {
            return Reasons.MalformedJson;
        }
        if (r.StartsWith("wrong serial", StringComparison.Ordinal))
        {
            return Reasons.WrongSerial;
        }
        if (r.StartsWith("wrong site", StringComparison.Ordinal))
        {
            return Reasons.WrongSite;
        }
        return SchemaName(payload) is { } name && name != StateMessage.SchemaName && name != EventsMessage.SchemaName
            ? Reasons.UnknownSchema
            : Reasons.SchemaInvalid;
    }

    // The "schema" member of a document that failed validation: another version is counted apart from a broken one.
    private static string? SchemaName(ReadOnlySpan<byte> payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload.ToArray());
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static StateRecord ToRecord(StateMessage m, string json) => new()
    {
        Serial = m.Serial,
        Site = m.Site,
        AgentTimeMs = FleetJson.ParseTime(m.AgentTime).ToUnixTimeMilliseconds(),
        Status = m.Status,
        BoardTimeMs = m.Board?.ClockS * 1000,
        IntervalS = m.IntervalS,
        // Readings only with an online state; offline and board_lost carry none and keep the last known.
        Health = m.Status == StateMessage.Online ? m.Health : null,
        Fault = m.Fault,
        FallbackEngaged = m.Fallback?.Engaged,
        AdviceEn = m.Advice is null ? null : JsonSerializer.Serialize(m.Advice.En, FleetJson.Options),
        AdviceZh = m.Advice is null ? null : JsonSerializer.Serialize(m.Advice.Zh, FleetJson.Options),
        Insertions = m.Counters?.InsertionsSlot,
        LifeUsedPct = m.Wear?.LifeUsedPct,
        BounceMeanUs = m.Wear?.BounceMeanUs,
        SeatDelayMeanUs = m.Wear?.SeatDelayMeanUs,
        ForecastLowDays = m.Wear?.FailedInDays?.Low,
        ForecastMidDays = m.Wear?.FailedInDays?.Mid,
        ForecastHighDays = m.Wear?.FailedInDays?.High,
        PaymentsRetried = m.Counters?.PaymentsRetried,
        LastEventId = m.LastEventId,
        Json = json,
    };

    public static EventsRecord ToRecord(EventsMessage m) => new()
    {
        Serial = m.Serial,
        Site = m.Site,
        AgentTimeMs = FleetJson.ParseTime(m.AgentTime).ToUnixTimeMilliseconds(),
        Milestones = m.Events.Select(e => new MilestoneRecord(e.Id, e.TMs, e.Event, e.Insertion, e.Detail)).ToList(),
        Routine = m.Routine.Select(r => new RoutineRecord(r.Event, r.Count, r.LastTMs, r.LastInsertion)).ToList(),
    };
}
