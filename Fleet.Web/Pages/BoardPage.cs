using System;
using System.Collections.Generic;
using System.Text;
using PosSlot.Fleet.Dispatch;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Web.Charts;
using static PosSlot.Fleet.Web.Pages.Html;

namespace PosSlot.Fleet.Web.Pages;

/// <summary>One board: where it stands, its trend (bounce and seat delay against insertions, the forecast band) and its milestones.</summary>
public static class BoardPage
{
    public static string Render(BoardRow board, IReadOnlyList<HistoryPoint> history, IReadOnlyList<MilestoneRow> milestones, DateTimeOffset asOf)
    {
        var b = new StringBuilder();
        Open(b, board.Serial + ": PosSlot fleet");
        b.Append("<p><a href=\"/\">← fleet</a></p><h1 id=\"serial\">").Append(E(board.Serial)).Append("</h1><p class=\"sub\">site ").Append(E(board.Site))
         .Append(", last seen ").Append(E(DispatchOutput.Iso(board.LastSeenMs))).Append(" (").Append(E(board.Status)).Append(")</p>");

        var candidate = DispatchSource.FromCurrent(board);
        var failsIn = DispatchPlanner.FailsIn(candidate, asOf.ToUnixTimeMilliseconds());
        b.Append("<table id=\"summary\"><tbody>");
        Row(b, "health", "<span class=\"h-" + E(board.Health) + "\">" + E(board.Health ?? "unknown") + "</span>");
        Row(b, "fault", E(board.Fault ?? "none"));
        Row(b, "external reader", board.FallbackEngaged == true ? "<span class=\"ext\">engaged: payments go through the external reader</span>" : "not engaged");
        Row(b, "insertions", E(board.Insertions?.ToString("N0") ?? "unknown"));
        Row(b, "fails in", failsIn is null ? "no forecast yet" : E(DispatchOutput.DaysText(failsIn) + " days"));
        Row(b, "payments retried", E(board.PaymentsRetried?.ToString("N0") ?? "unknown"));
        Row(b, "advice", E(DispatchOutput.AdviceText(board.AdviceEn) ?? "none") + "<br>" + E(DispatchOutput.AdviceText(board.AdviceZh) ?? ""));
        Row(b, "stale", DispatchPlanner.IsStale(candidate, asOf.ToUnixTimeMilliseconds()) ? "<span class=\"stale\">yes: silent for longer than its interval allows</span>" : "no");
        b.Append("</tbody></table>");

        b.Append("<h2>Trend</h2><p class=\"sub\">").Append(history.Count).Append(" reports</p><div class=\"charts\">");
        b.Append("<figure id=\"bounce\">").Append(FleetCharts.Trend("Bounce (mean)", "µs", history, p => p.BounceMeanUs)).Append("</figure>");
        b.Append("<figure id=\"seat-delay\">").Append(FleetCharts.Trend("Detect-to-contact delay (mean)", "µs", history, p => p.SeatDelayMeanUs)).Append("</figure>");
        b.Append("<figure id=\"forecast\">").Append(FleetCharts.ForecastBand(history)).Append("</figure>");
        b.Append("</div>");

        b.Append("<h2>Milestones</h2><table id=\"milestones\"><thead><tr><th>id</th><th>board time</th><th>event</th><th>insertion</th><th>detail</th></tr></thead><tbody>");
        foreach (var m in milestones)
        {
            b.Append("<tr><td>").Append(m.Id).Append("</td><td>").Append(E(Uptime(m.TMs))).Append("</td><td>").Append(E(m.Event))
             .Append("</td><td>").Append(m.Insertion?.ToString("N0") ?? "").Append("</td><td>").Append(E(m.DetailJson)).Append("</td></tr>");
        }
        b.Append("</tbody></table>");
        if (milestones.Count == 0)
        {
            b.Append("<p>No milestones stored.</p>");
        }
        Close(b);
        return b.ToString();
    }

    /// <summary>The board's clock counts from its first boot: shown as days, hours, minutes.</summary>
    public static string Uptime(long ms)
    {
        var t = TimeSpan.FromMilliseconds(Math.Max(0, ms));
        return t.TotalDays >= 1 ? $"{(int)t.TotalDays}d {t.Hours}h {t.Minutes}m" : t.TotalHours >= 1 ? $"{t.Hours}h {t.Minutes}m {t.Seconds}s" : $"{t.Minutes}m {t.Seconds}s";
    }

    static void Row(StringBuilder b, string label, string html) => b.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(html).Append("</td></tr>");
}
