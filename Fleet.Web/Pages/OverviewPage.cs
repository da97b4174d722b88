using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PosSlot.Fleet.Dispatch;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Web.Charts;
using static PosSlot.Fleet.Web.Pages.Html;

namespace PosSlot.Fleet.Web.Pages;

/// <summary>The fleet at a glance (boards by health and site, days left) and the dispatch table.</summary>
public static class OverviewPage
{
    public static readonly string[] Healths = ["Healthy", "Watch", "Degraded", "Failed"];

    public static string Render(IReadOnlyList<BoardRow> boards, IReadOnlyList<DispatchRow> visits, DateTimeOffset asOf, string horizonText, string? site, IReadOnlyList<string> sites)
    {
        var b = new StringBuilder();
        Open(b, "PosSlot fleet: slots to visit");
        b.Append("<h1>PosSlot fleet</h1><p class=\"sub\">").Append(boards.Count).Append(site is null ? " boards" : " boards at " + E(site))
         .Append(", as of ").Append(E(DispatchOutput.Iso(asOf))).Append(" (read-only)</p>");

        var stale = visits.Count(v => v.Stale);
        b.Append("<div class=\"tiles\">");
        foreach (var h in Healths)
        {
            Tile(b, h, boards.Count(x => x.Health == h), "h-" + h);
        }
        Tile(b, "on external reader", boards.Count(x => x.FallbackEngaged == true), "ext");
        Tile(b, "to visit", visits.Count, "");
        Tile(b, "stale on the list", stale, "stale");
        b.Append("</div>");

        b.Append("<div class=\"charts\">");
        b.Append("<figure id=\"by-health\">").Append(FleetCharts.Bars("Boards by health", Healths.Select(h => (h, boards.Count(x => x.Health == h))).ToList())).Append("</figure>");
        var days = boards.Where(x => x.ForecastMidDays is not null).Select(x => DispatchPlanner.FailsIn(DispatchSource.FromCurrent(x), asOf.ToUnixTimeMilliseconds())!.Mid);
        b.Append("<figure id=\"days-left\">").Append(FleetCharts.Bars("Days until Failed (boards with a forecast)", FleetCharts.DaysHistogram(days))).Append("</figure>");
        b.Append("</div>");

        b.Append("<h2>By site</h2><table id=\"sites\" class=\"sortable\"><thead><tr><th data-sort=\"text\">site</th><th data-sort=\"number\">boards</th>");
        foreach (var h in Healths)
        {
            b.Append("<th data-sort=\"number\">").Append(h).Append("</th>");
        }
        b.Append("<th data-sort=\"number\">to visit</th></tr></thead><tbody>");
        foreach (var g in boards.GroupBy(x => x.Site).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            b.Append("<tr>");
            Cell(b, g.Key, g.Key);
            Cell(b, g.Count());
            foreach (var h in Healths)
            {
                Cell(b, g.Count(x => x.Health == h));
            }
            Cell(b, visits.Count(v => v.Board.Site == g.Key));
            b.Append("</tr>");
        }
        b.Append("</tbody></table>");

        b.Append("<h2>Dispatch list</h2><form class=\"filters\" method=\"get\" action=\"/\"><label>site<select name=\"site\"><option value=\"\">all sites</option>");
        foreach (var s in sites)
        {
            b.Append("<option").Append(s == site ? " selected" : "").Append(" value=\"").Append(E(s)).Append("\">").Append(E(s)).Append("</option>");
        }
        b.Append("</select></label><label>horizon<input name=\"horizon\" value=\"").Append(E(horizonText)).Append("\" size=\"6\"></label><noscript><button>show</button></noscript></form>");

        b.Append("<table id=\"dispatch\" class=\"sortable\"><thead><tr>")
         .Append("<th data-sort=\"number\">rank</th><th data-sort=\"text\">site</th><th data-sort=\"text\">serial</th><th data-sort=\"text\">health</th>")
         .Append("<th data-sort=\"text\">why</th><th data-sort=\"number\">days left</th><th data-sort=\"number\">payments retried</th>")
         .Append("<th data-sort=\"text\">last seen</th><th>advice</th></tr></thead><tbody>");
        foreach (var v in visits)
        {
            var x = v.Board;
            b.Append("<tr data-serial=\"").Append(E(x.Serial)).Append("\">");
            Cell(b, v.Rank);
            Cell(b, x.Site, x.Site);
            b.Append("<td data-value=\"").Append(E(x.Serial)).Append("\"><a href=\"/board/").Append(Uri.EscapeDataString(x.Serial)).Append("\">").Append(E(x.Serial)).Append("</a></td>");
            b.Append("<td data-value=\"").Append(E(x.Health)).Append("\" class=\"h-").Append(E(x.Health)).Append("\">").Append(E(x.Health ?? "unknown")).Append("</td>");
            var why = v.Reason == DispatchReason.OnExternalReader ? "<span class=\"ext\">on external reader</span>" : E(DispatchOutput.ReasonName(v.Reason));
            b.Append("<td data-value=\"").Append((int)v.Reason).Append("\">").Append(why).Append(x.Fault is { Length: > 0 } f && f != "none" ? " (" + E(f) + ")" : "").Append("</td>");
            b.Append("<td data-value=\"").Append(v.FailsIn is { } d ? d.Mid.ToString("0.###", CultureInfo.InvariantCulture) : "").Append("\">")
             .Append(v.FailsIn is { } d2 ? E(DispatchOutput.DaysText(d2)) : "").Append("</td>");
            Cell(b, x.PaymentsRetried);
            b.Append("<td data-value=\"").Append(x.LastSeenMs).Append("\">").Append(E(DispatchOutput.Iso(x.LastSeenMs)))
             .Append(v.Stale ? " <span class=\"stale\">stale</span>" : "").Append("</td>");
            b.Append("<td>").Append(E(DispatchOutput.AdviceText(x.AdviceEn))).Append("<br>").Append(E(DispatchOutput.AdviceText(x.AdviceZh))).Append("</td>");
            b.Append("</tr>");
        }
        b.Append("</tbody></table>");
        if (visits.Count == 0)
        {
            b.Append("<p id=\"none\">No slot needs a visit within the horizon.</p>");
        }
        Close(b);
        return b.ToString();
    }

    static void Tile(StringBuilder b, string label, int count, string cls) =>
        b.Append("<div class=\"tile ").Append(cls).Append("\" data-tile=\"").Append(E(label)).Append("\"><b>").Append(count).Append("</b>").Append(E(label)).Append("</div>");

    static void Cell(StringBuilder b, string text, string value) =>
        b.Append("<td data-value=\"").Append(E(value)).Append("\">").Append(E(text)).Append("</td>");

    static void Cell(StringBuilder b, long? n) =>
        b.Append("<td data-value=\"").Append(n?.ToString(CultureInfo.InvariantCulture) ?? "").Append("\">").Append(n?.ToString("N0", CultureInfo.InvariantCulture) ?? "").Append("</td>");
}
