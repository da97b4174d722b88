using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PosSlot.Firmware.Events;

namespace PosSlot.Host.Diag;

/// <summary>
/// What `diag watch` prints for a pushed event or a status: one line a person reads (time, insertion,
/// what happened in words), or one JSON object per line (JSON Lines) with the board's own fields.
/// </summary>
public static class WatchLines
{
    /// <summary>"14:03:05  insertion 1234  fallback engaged: payments go to the external reader (slot_failure_rate)".</summary>
    public static string Event(JsonElement data, DateTime received)
    {
        var line = $"{Time(received)}  insertion {Text(data, "insertion")}  {Describe(data)}";
        return data.TryGetProperty("dropped", out var d) && d.TryGetInt64(out var dropped) && dropped > 0
            ? $"{line} ({dropped} events dropped before this)"
            : line;
    }

    static string Describe(JsonElement data)
    {
        string code = Text(data, "code");
        string reason = Text(data, "reason");
        switch (code)
        {
            case "transaction_interrupted":
                return "card withdrawn, or the contact opened under it";
            case "fallback_engaged":
                return $"fallback engaged: payments go to the external reader ({reason})";
            case "fallback_released":
                return $"fallback released: payments are back on the slot ({reason})";
            case "fallback_for_transaction":
                long reads = data.TryGetProperty("failed_reads", out var r) && r.TryGetInt64(out var n) ? n : 0;
                return "use the external reader for this payment: " + EventText.Describe(EventCode.FallbackForTransaction, reads, 0);
        }
        if (Text(data, "event") == "health")
        {
            return $"health {Text(data, "from")} -> {Text(data, "to")} ({Text(data, "reason")})";
        }
        // An event this version does not know by name (a milestone, a later firmware): its name and its words.
        string name = code.Length > 0 ? code : Text(data, "event");
        string detail = Text(data, "detail");
        if (detail.Length == 0)
        {
            detail = string.Join(", ", data.EnumerateObject()
                .Where(p => p.Name is not ("event" or "code" or "t_ms" or "insertion" or "dropped" or "id") && p.Value.ValueKind != JsonValueKind.Object && p.Value.ValueKind != JsonValueKind.Array)
                .Select(p => $"{p.Name} {DiagSession.Scalar(p.Value)}"));
        }
        return detail.Length > 0 ? $"{name}: {detail}" : name;
    }

    /// <summary>"14:03:05  status: Healthy, fallback off (auto), card out, 1234 insertions (slot 1234)".</summary>
    public static string Status(JsonElement data, DateTime received) =>
        $"{Time(received)}  status: {Summary(data)}";

    /// <summary>The part of a status a person watches; watch prints a status again only when this changes.</summary>
    public static string Summary(JsonElement data)
    {
        var flags = Text(data, "flags");
        return $"{Text(data, "health")}, fallback {Text(data, "fallback")} ({Text(data, "fallback_mode")}), card {Text(data, "card")}, "
            + $"{Text(data, "insertions_board")} insertions (slot {Text(data, "insertions_slot")})"
            + (flags.Length > 0 && flags is not ("0" or "none" or "[]") ? $", flags {flags}" : "");
    }

    /// <summary>One JSON Lines object: {"type":"event"|"status","time":ISO 8601 UTC, then the board's fields}.</summary>
    public static string Json(string type, JsonElement data, DateTime received)
    {
        var o = new JsonObject { ["type"] = type, ["time"] = received.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) };
        foreach (var p in data.EnumerateObject())
        {
            o[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        }
        return o.ToJsonString();
    }

    static string Time(DateTime received) => received.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    static string Text(JsonElement data, string name) => data.TryGetProperty(name, out var v) ? DiagSession.Scalar(v) : "";
}
