using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PosSlot.DiagClient;
using ScottPlot;

namespace PosSlot.Host.Diag;

/// <summary>
/// `posslot diag report --out DIR`: what a technician attaches to a ticket. report.json (hello,
/// status, counters, wear, the whole milestone history, the routine counts and the trend),
/// trend.png (the slot's health over its insertions, from the health_changed milestones, ending at
/// the board's current state and count) and summary.txt (one page: state, wear, advice, every health
/// and fallback change, the routine counts since the newest milestone).
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
        var history = History.Read(s);
        var trend = Trend(history.Milestones, status, counters);
        Directory.CreateDirectory(dir);
        var report = new JsonObject
        {
            ["generated_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["hello"] = JsonNode.Parse(hello.GetRawText()),
            ["status"] = JsonNode.Parse(status.GetRawText()),
            ["counters"] = JsonNode.Parse(counters.GetRawText()),
            ["wear"] = JsonNode.Parse(wear.GetRawText()),
            ["advice"] = JsonNode.Parse(advice.GetRawText()),
            ["dropped"] = history.Dropped,
            ["events"] = new JsonArray(history.Milestones.Select(e => JsonNode.Parse(e.GetRawText())).ToArray()),
            ["routine"] = new JsonArray(history.Routine.Select(e => JsonNode.Parse(e.GetRawText())).ToArray()),
            ["trend"] = new JsonArray(trend.Select(p => (JsonNode)new JsonObject { ["insertion"] = p.Insertion, ["health"] = s_levels[p.Level] }).ToArray()),
        };
        var json = Path.Combine(dir, "report.json");
        File.WriteAllText(json, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var png = Path.Combine(dir, "trend.png");
        Plot(trend, history.Milestones, png);
        var txt = Path.Combine(dir, "summary.txt");
        File.WriteAllText(txt, Summary(hello, status, counters, wear, advice, history));
        return [json, png, txt];
    }

    /// <summary>The board's milestones (all pages) and its routine counts.</summary>
    sealed record History(List<JsonElement> Milestones, List<JsonElement> Routine, long Dropped)
    {
        /// <summary>Pages through the milestones with --since until the board says there is no more.</summary>
        public static History Read(DiagSession s)
        {
            var all = new List<JsonElement>();
            var routine = new List<JsonElement>();
            long dropped = 0;
            long since = 0;
            for (int page = 0; page < 1000; page++)
            {
                var data = s.Run($"events --since {since} --limit 32").Data;
                var items = data.GetProperty("events").EnumerateArray().ToList();
                all.AddRange(items);
                dropped = data.TryGetProperty("dropped", out var d) ? d.GetInt64() : 0;
                routine = data.TryGetProperty("routine", out var r) ? r.EnumerateArray().ToList() : [];
                if (items.Count == 0 || !data.GetProperty("more").GetBoolean())
                {
                    break;
                }
                since = items[^1].GetProperty("id").GetInt64();
            }
            return new History(all, routine, dropped);
        }
    }

    static readonly string[] s_levels = ["Healthy", "Watch", "Degraded", "Failed"];

    /// <summary>One step of the health line: from this insertion on, this level.</summary>
    public readonly record struct TrendPoint(long Insertion, int Level);

    /// <summary>
    /// The health line: a step at every health_changed milestone, starting from the level the first
    /// one left (Healthy without any), and a last point at the board's insertion count with the
    /// health `status` reports now, so the line always ends at the board's current state.
    /// </summary>
    public static List<TrendPoint> Trend(List<JsonElement> milestones, JsonElement status, JsonElement counters)
    {
        var points = new List<TrendPoint>();
        foreach (var e in milestones.Where(e => e.GetProperty("event").GetString() == "health_changed"))
        {
            var detail = e.GetProperty("detail").GetString() ?? "";
            int from = Array.FindIndex(s_levels, l => detail.StartsWith(l + " ->"));
            int to = Array.FindIndex(s_levels, l => detail.Contains("-> " + l));
            if (to < 0)
            {
                continue;
            }
            if (points.Count == 0)
            {
                points.Add(new TrendPoint(0, Math.Max(from, 0)));
            }
            points.Add(new TrendPoint(e.GetProperty("insertion").GetInt64(), to));
        }
        int now = Array.IndexOf(s_levels, status.TryGetProperty("health", out var h) ? h.GetString() : null);
        long total = counters.TryGetProperty("insertions_board", out var n) ? n.GetInt64() : 0;
        if (points.Count == 0)
        {
            points.Add(new TrendPoint(0, now >= 0 ? now : 0));
        }
        points.Add(new TrendPoint(Math.Max(total, points[^1].Insertion), now >= 0 ? now : points[^1].Level));
        return points;
    }

    static void Plot(List<TrendPoint> trend, List<JsonElement> milestones, string path)
    {
        var plot = new Plot();
        plot.Title("Slot health over its insertions (the board's milestones; last point: now)");
        plot.XLabel("board insertion");
        plot.YLabel("health");
        var steps = plot.Add.Scatter(trend.Select(p => (double)p.Insertion).ToArray(), trend.Select(p => (double)p.Level).ToArray());
        steps.ConnectStyle = ConnectStyle.StepHorizontal;
        steps.LegendText = "health";
        Marks(plot, milestones, "flag_raised", 3.3, "flag raised");
        Marks(plot, milestones, "fallback_engaged", 3.45, "fallback engaged");
        Marks(plot, milestones, "fallback_released", 3.45, "fallback released");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1, 2, 3], s_levels);
        plot.Axes.SetLimitsY(-0.3, 3.7);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 450);
    }

    static void Marks(Plot plot, List<JsonElement> milestones, string name, double y, string legend)
    {
        var xs = milestones.Where(e => e.GetProperty("event").GetString() == name).Select(e => (double)e.GetProperty("insertion").GetInt64()).ToArray();
        if (xs.Length > 0)
        {
            var marks = plot.Add.ScatterPoints(xs, xs.Select(_ => y).ToArray());
            marks.LegendText = legend;
        }
    }

    static string Summary(JsonElement hello, JsonElement status, JsonElement counters, JsonElement wear, JsonElement advice, History history)
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
        var changes = history.Milestones.Where(e => V(e, "event") is "health_changed" or "fallback_engaged" or "fallback_released").ToList();
        sb.AppendLine($"Health and fallback changes ({changes.Count}; trend.png plots the health):");
        if (changes.Count == 0)
        {
            sb.AppendLine("  none in the board's history");
        }
        foreach (var e in changes)
        {
            sb.AppendLine($"  #{V(e, "id")} insertion {V(e, "insertion")}: {V(e, "event")} {V(e, "detail")}");
        }
        if (history.Dropped > 0)
        {
            sb.AppendLine($"  ({history.Dropped} older milestones were dropped by the board: its history is full)");
        }
        sb.AppendLine();
        sb.AppendLine("Routine events since the newest milestone:");
        if (history.Routine.Count == 0)
        {
            sb.AppendLine("  none");
        }
        foreach (var r in history.Routine)
        {
            sb.AppendLine($"  {V(r, "event")}: {V(r, "count")}, the last at insertion {V(r, "last_insertion")}");
        }
        sb.AppendLine();
        sb.AppendLine($"Last milestones ({history.Milestones.Count} in the board's history; report.json has them all):");
        foreach (var e in history.Milestones.TakeLast(15))
        {
            sb.AppendLine($"  #{V(e, "id")} insertion {V(e, "insertion")}: {V(e, "event")} {V(e, "detail")}");
        }
        return sb.ToString();
    }
}
