using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PosSlot.Fleet.Dispatch;

/// <summary>The visit list as text for a dispatcher, JSON for scripts, CSV for a ticketing system.</summary>
public static class DispatchOutput
{
    public static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset t) => Iso(t.ToUnixTimeMilliseconds());

    /// <summary>{"as_of", "boards": [{"serial", "site", "rank", "health", "fallback", "fails_in_days": {low, mid, high, by: "board" | "host"} | null, "last_seen", "stale", ...}]}</summary>
    public static string Json(IReadOnlyList<DispatchRow> rows, DateTimeOffset asOf, TimeSpan horizon)
    {
        var boards = new JsonArray();
        foreach (var r in rows)
        {
            var b = r.Board;
            boards.Add(new JsonObject
            {
                ["serial"] = b.Serial,
                ["site"] = b.Site,
                ["rank"] = r.Rank,
                ["health"] = b.Health,
                ["fallback"] = b.FallbackEngaged,
                ["fails_in_days"] = r.FailsIn is { } f ? new JsonObject { ["low"] = Round(f.Low), ["mid"] = Round(f.Mid), ["high"] = Round(f.High), ["by"] = f.ByHost ? "host" : "board" } : null,
                ["last_seen"] = Iso(b.LastSeenMs),
                ["stale"] = r.Stale,
                ["reason"] = ReasonName(r.Reason),
                ["fault"] = b.Fault,
                ["advice_en"] = AdviceText(b.AdviceEn),
                ["advice_zh"] = AdviceText(b.AdviceZh),
                ["insertions"] = b.Insertions,
                ["payments_retried"] = b.PaymentsRetried,
            });
        }
        var doc = new JsonObject { ["as_of"] = Iso(asOf), ["horizon_days"] = horizon.TotalDays, ["boards"] = boards };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static void Csv(IReadOnlyList<DispatchRow> rows, TextWriter w)
    {
        w.WriteLine("rank,site,serial,reason,health,fallback,fault,fails_in_days_low,fails_in_days_mid,fails_in_days_high,payments_retried,last_seen,stale,advice_en,advice_zh");
        foreach (var r in rows)
        {
            var b = r.Board;
            w.WriteLine(string.Join(",",
                r.Rank.ToString(CultureInfo.InvariantCulture), Cell(b.Site), Cell(b.Serial), ReasonName(r.Reason), Cell(b.Health), b.FallbackEngaged ? "yes" : "no",
                Cell(b.Fault), Num(r.FailsIn?.Low), Num(r.FailsIn?.Mid), Num(r.FailsIn?.High), b.PaymentsRetried?.ToString(CultureInfo.InvariantCulture) ?? "",
                Iso(b.LastSeenMs), r.Stale ? "yes" : "no", Cell(AdviceText(b.AdviceEn)), Cell(AdviceText(b.AdviceZh))));
        }
    }

    public static void Text(IReadOnlyList<DispatchRow> rows, DateTimeOffset asOf, TimeSpan horizon, int boardsRead, TextWriter w)
    {
        w.WriteLine($"Visits as of {Iso(asOf)}, horizon {horizon.TotalDays:0.#} days: {rows.Count} of {boardsRead} boards");
        if (rows.Count == 0)
        {
            w.WriteLine("No slot needs a visit within the horizon.");
            return;
        }
        foreach (var r in rows)
        {
            var b = r.Board;
            var days = r.FailsIn is { } f ? $"fails in {DaysText(f)} days" : "";
            var stale = r.Stale ? $" STALE (last seen {Iso(b.LastSeenMs)})" : "";
            var retried = b.PaymentsRetried is > 0 ? $", {b.PaymentsRetried} payments retried" : "";
            w.WriteLine($"{r.Rank,4}. {b.Site}/{b.Serial}: {ReasonText(r.Reason)}; {b.Health ?? "health unknown"}{(b.Fault is { Length: > 0 } fault && fault != "none" ? $" ({fault})" : "")}{(days.Length > 0 ? "; " + days : "")}{retried}{stale}");
            var advice = AdviceText(b.AdviceEn);
            if (advice is { Length: > 0 })
            {
                w.WriteLine($"      {advice}");
            }
        }
    }

    public static string DaysText(FailsInDays f) =>
        (f.Low is { } low && f.High is { } high
            ? $"{low:0.#}–{high:0.#} (about {f.Mid:0.#})"
            : $"about {f.Mid:0.#}") + (f.ByHost ? " (host trend)" : "");

    public static string ReasonName(DispatchReason r) => r switch
    {
        DispatchReason.OnExternalReader => "external_reader",
        DispatchReason.Failed => "failed",
        DispatchReason.ForecastWithinHorizon => "forecast",
        _ => "degraded",
    };

    static string ReasonText(DispatchReason r) => r switch
    {
        DispatchReason.OnExternalReader => "on the external reader",
        DispatchReason.Failed => "failed",
        DispatchReason.ForecastWithinHorizon => "wearing out",
        _ => "degraded",
    };

    /// <summary>The store keeps advice as the board's list of {fault, level, text}; the list shows the texts.</summary>
    public static string? AdviceText(string? adviceJson)
    {
        if (string.IsNullOrEmpty(adviceJson))
        {
            return null;
        }
        try
        {
            var texts = JsonNode.Parse(adviceJson)?.AsArray().Select(a => a?["text"]?.GetValue<string>()).Where(t => !string.IsNullOrEmpty(t)).ToList();
            return texts is { Count: > 0 } ? string.Join(" ", texts) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return adviceJson;
        }
    }

    static double? Round(double? d) => d is { } v ? Math.Round(v, 1) : null;

    static string Num(double? d) => d is { } v ? Math.Round(v, 1).ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>RFC 4180: quote a cell holding a comma, quote or line break; and a leading =+-@ so a spreadsheet never runs it.</summary>
    public static string Cell(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }
        if (s[0] is '=' or '+' or '-' or '@')
        {
            s = "'" + s;
        }
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
