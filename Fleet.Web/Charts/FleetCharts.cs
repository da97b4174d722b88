using System;
using System.Collections.Generic;
using System.Linq;
using PosSlot.Fleet.Store;
using ScottPlot;

namespace PosSlot.Fleet.Web.Charts;

/// <summary>The page's pictures as inline SVG (ScottPlot): counts by health, days left, and one board's trend.</summary>
public static class FleetCharts
{
    public const int Width = 560;
    public const int Height = 260;

    /// <summary>The days-left histogram's bins (upper bounds, days); the last bin is open.</summary>
    public static readonly double[] DaysBins = [7, 14, 30, 60, 90];

    /// <summary>The page's colours for each health (as in site.css), so a bar reads like the table beside it.</summary>
    public static readonly IReadOnlyDictionary<string, Color> HealthColors = new Dictionary<string, Color>
    {
        ["Healthy"] = Color.FromHex("#1a7f37"), ["Watch"] = Color.FromHex("#9a6700"), ["Degraded"] = Color.FromHex("#bc4c00"), ["Failed"] = Color.FromHex("#cf222e"),
    };

    public static string Bars(string title, IReadOnlyList<(string Label, int Count)> bars)
    {
        var plot = new Plot();
        plot.Title(title);
        var values = bars.Select(b => (double)b.Count).ToArray();
        var plotted = plot.Add.Bars(values);
        for (int i = 0; i < bars.Count; i++)
        {
            if (HealthColors.TryGetValue(bars[i].Label, out var color))
            {
                plotted.Bars[i].FillColor = color;
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("boards");
        return plot.GetSvgHtml(Width, Height);
    }

    /// <summary>Boards by days until Failed (middle estimate): 0-7, 7-14, 14-30, 30-60, 60-90, 90+.</summary>
    public static IReadOnlyList<(string Label, int Count)> DaysHistogram(IEnumerable<double> days)
    {
        var counts = new int[DaysBins.Length + 1];
        foreach (var d in days)
        {
            var i = Array.FindIndex(DaysBins, upper => d < upper);
            counts[i < 0 ? DaysBins.Length : i]++;
        }
        var labels = new List<string>();
        double lower = 0;
        foreach (var upper in DaysBins)
        {
            labels.Add($"{lower:0}-{upper:0}");
            lower = upper;
        }
        labels.Add($"{lower:0}+");
        return labels.Select((l, i) => (l, counts[i])).ToList();
    }

    /// <summary>One measure against insertions, as the emulator's life report draws it.</summary>
    public static string Trend(string title, string yLabel, IReadOnlyList<HistoryPoint> points, Func<HistoryPoint, double?> measure)
    {
        var plot = new Plot();
        plot.Title(title);
        var pts = points.Where(p => p.Insertions is not null && measure(p) is not null).ToList();
        if (pts.Count > 0)
        {
            plot.Add.Scatter(pts.Select(p => (double)p.Insertions!.Value).ToArray(), pts.Select(p => measure(p)!.Value).ToArray());
        }
        plot.XLabel("insertions");
        plot.YLabel(yLabel);
        return plot.GetSvgHtml(Width, Height);
    }

    /// <summary>The wear forecast's days to Failed over time: its range as a band, the middle as a line.</summary>
    public static string ForecastBand(IReadOnlyList<HistoryPoint> points)
    {
        var plot = new Plot();
        plot.Title("Forecast: days until Failed");
        var pts = points.Where(p => p.ForecastMidDays is not null).ToList();
        if (pts.Count > 0)
        {
            var xs = pts.Select(p => DateTimeOffset.FromUnixTimeMilliseconds(p.AgentTimeMs).UtcDateTime.ToOADate()).ToArray();
            var mid = pts.Select(p => p.ForecastMidDays!.Value).ToArray();
            var low = pts.Select(p => p.ForecastLowDays ?? p.ForecastMidDays!.Value).ToArray();
            var high = pts.Select(p => p.ForecastHighDays ?? p.ForecastMidDays!.Value).ToArray();
            var band = plot.Add.FillY(xs, low, high);
            band.FillColor = Colors.SteelBlue.WithAlpha(0.25);
            var line = plot.Add.Scatter(xs, mid);
            line.LegendText = "middle estimate";
            band.LegendText = "range";
            plot.ShowLegend(Alignment.UpperRight);
            plot.Axes.DateTimeTicksBottom();
        }
        plot.YLabel("days");
        return plot.GetSvgHtml(Width, Height);
    }
}
