using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScottPlot;

namespace PosSlot.Host.Diag;

/// <summary>
/// `posslot diag report --out DIR`: what a technician attaches to a ticket. report.json (hello,
/// status, counters, wear and the whole event log), trend.png (the slot's health and flags over its
/// insertions, from the log) and summary.txt (one page: state, wear, advice, the last events).
/// </summary>
public static class DiagReport
{
    public static IReadOnlyList<string> Write(DiagSession s, string dir)
    {
        var hello = s.Run("hello").Data;
        var status = s.Run("status").Data;
        var counters = s.Run("counters").Data;
        var wear = s.Run("wear").Data;
        var advice = s.Run("advice").Data;
        var events = AllEvents(s);
        Directory.CreateDirectory(dir);
        var report = new JsonObject
        {
            ["generated_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["hello"] = JsonNode.Parse(hello.GetRawText()),
            ["status"] = JsonNode.Parse(status.GetRawText()),
            ["counters"] = JsonNode.Parse(counters.GetRawText()),
            ["wear"] = JsonNode.Parse(wear.GetRawText()),
            ["advice"] = JsonNode.Parse(advice.GetRawText()),
            ["events"] = new JsonArray(events.Select(e => JsonNode.Parse(e.GetRawText())).ToArray()),
        };
        var json = Path.Combine(dir, "report.json");
        File.WriteAllText(json, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var png = Path.Combine(dir, "trend.png");
        Plot(events, counters, png);
        var txt = Path.Combine(dir, "summary.txt");
        File.WriteAllText(txt, Summary(hello, status, counters, wear, advice, events));
        return [json, png, txt];
    }

    /// <summary>Pages through the log with --since until the board says there is no more.</summary>
    static List<JsonElement> AllEvents(DiagSession s)
    {
        var all = new List<JsonElement>();
        long since = 0;
        for (int page = 0; page < 1000; page++)
        {
            var data = s.Run($"events --since {since} --limit 32").Data;
            var items = data.GetProperty("events").EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count == 0 || !data.GetProperty("more").GetBoolean())
            {
                break;
            }
            since = items[^1].GetProperty("id").GetInt64();
        }
        return all;
    }

    static readonly string[] s_levels = ["Healthy", "Watch", "Degraded", "Failed"];

    static void Plot(List<JsonElement> events, JsonElement counters, string path)
    {
        var plot = new Plot();
        plot.Title("Slot health over its insertions (from the board's event log)");
        plot.XLabel("board insertion");
        plot.YLabel("health");
        var xs = new List<double> { 0 };
        var ys = new List<double> { 0 };
        foreach (var e in events.Where(e => e.GetProperty("event").GetString() == "health_changed"))
        {
            var detail = e.GetProperty("detail").GetString() ?? "";
            int to = Array.FindIndex(s_levels, l => detail.Contains("-> " + l));
            if (to >= 0)
            {
                xs.Add(e.GetProperty("insertion").GetInt64());
                ys.Add(to);
            }
        }
        long total = counters.GetProperty("insertions_board").GetInt64();
        xs.Add(Math.Max(total, xs[^1]));
        ys.Add(ys[^1]);
        var steps = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        steps.ConnectStyle = ConnectStyle.StepHorizontal;
        steps.LegendText = "health";
        var flags = events.Where(e => e.GetProperty("event").GetString() == "flag_raised").ToList();
        if (flags.Count > 0)
        {
            var marks = plot.Add.ScatterPoints(flags.Select(f => (double)f.GetProperty("insertion").GetInt64()).ToArray(), flags.Select(_ => 3.3).ToArray());
            marks.LegendText = "flag raised";
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1, 2, 3], s_levels);
        plot.Axes.SetLimitsY(-0.3, 3.6);
        plot.ShowLegend();
        plot.SavePng(path, 1000, 450);
    }

    static string Summary(JsonElement hello, JsonElement status, JsonElement counters, JsonElement wear, JsonElement advice, List<JsonElement> events)
    {
        string V(JsonElement o, string n) => o.TryGetProperty(n, out var v) ? DiagSession.Scalar(v) : "?";
        var sb = new StringBuilder();
        sb.AppendLine($"PosSlot slot report: board {V(hello, "board")}, serial {V(hello, "serial")}, firmware {V(hello, "firmware")}");
        sb.AppendLine($"Taken {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, board up {V(hello, "uptime_s")} s, boot {V(hello, "boots")}");
        sb.AppendLine();
        sb.AppendLine($"Health:      {V(status, "health")} (fault: {V(status, "fault")})");
        sb.AppendLine($"Fallback:    {V(status, "fallback")} ({V(status, "fallback_mode")})");
        sb.AppendLine($"Insertions:  {V(counters, "insertions_slot")} on this slot of {V(counters, "rated_life")} rated ({V(status, "life_used_pct")} %); board total {V(counters, "insertions_board")}, {V(counters, "replacements")} replacements");
        sb.AppendLine($"Wear:        contact bounce {V(wear, "bounce_mean_us")} us (baseline {V(wear, "baseline_bounce_us")} us), seat delay {V(wear, "seat_delay_mean_us")} us");
        sb.AppendLine($"Rates:       never seated {V(wear, "never_seated_pct")} %, interrupted {V(wear, "interrupted_pct")} %, read failures {V(wear, "read_failures_pct")} %");
        sb.AppendLine($"Forecast:    {(V(wear, "trend") == "yes" ? $"failed in about {V(wear, "failed_in_insertions")} insertions ({V(wear, "failed_in_days_days")} days)" : "no clear wear trend yet")}");
        sb.AppendLine();
        sb.AppendLine("Advice:");
        var items = advice.GetProperty("advice").EnumerateArray().ToList();
        if (items.Count == 0)
        {
            sb.AppendLine("  none: no fault is raised");
        }
        foreach (var a in items)
        {
            sb.AppendLine($"  [{V(a, "level")}] {V(a, "fault")}: {V(a, "text")}");
        }
        sb.AppendLine();
        sb.AppendLine($"Last events ({events.Count} in the log; trend.png plots them, report.json has them all):");
        foreach (var e in events.TakeLast(15))
        {
            sb.AppendLine($"  #{V(e, "id")} insertion {V(e, "insertion")}: {V(e, "event")} {V(e, "detail")}");
        }
        return sb.ToString();
    }
}
