using System.Linq;
using PosSlot.Emulator.Running;
using ScottPlot;

namespace PosSlot.Host.Emulation;

/// <summary>
/// The slot's life as the firmware measured it, one panel per measure against insertions:
/// contact bounce span, seat delay, share of cards with an interruption; flags, the slot's
/// failure and fallback are marked on every panel. A last panel shows the wear forecast's range
/// for the failure insertion at a few points of life, beside the truth.
/// </summary>
public static class LifeReportPng
{
    public static void Save(EmulationResult r, string path) => Build(r).SavePng(path, 1200, 1400);

    /// <summary>
    /// The four panels. Each legend sits below its panel, outside the data area: inside it covered the
    /// early bounce curve (issue 19); below, every panel keeps the same width, so the x axes line up.
    /// </summary>
    public static Multiplot Build(EmulationResult r)
    {
        var bins = r.Curve.Bins;
        double[] x = bins.Select(b => (double)b.FirstInsertion).ToArray();
        var multiplot = new Multiplot();
        multiplot.AddPlots(4);
        Panel(multiplot.GetPlot(0), x, bins.Select(b => b.ContactSpanMs).ToArray(), "Contact bounce span (ms)", Colors.SteelBlue, r, true);
        Panel(multiplot.GetPlot(1), x, bins.Select(b => b.SeatDelayMs).ToArray(), "Seat delay, detect to contact (ms)", Colors.DarkOrange, r, false);
        var rates = multiplot.GetPlot(2);
        Panel(rates, x, bins.Select(b => b.InterruptedPercent).ToArray(), "Cards with a contact interruption (%)", Colors.Purple, r, false);
        var never = rates.Add.ScatterLine(x, bins.Select(b => b.NeverSeatedPercent).ToArray(), Colors.Green);
        never.LineWidth = 2;
        never.LegendText = "Cards that never seated (%)";
        rates.YLabel("Share of cards (%)");
        multiplot.GetPlot(0).Title($"PosSlot emulator: {r.Scenario.Name}, seed {r.Seed}, {r.TruthInsertions:N0} insertions (bins of {r.Curve.BinSize})");
        Forecast(multiplot.GetPlot(3), r);
        // Same insertion axis on every panel, so the forecast lines up with the curves above it.
        for (int i = 0; i < 4; i++)
        {
            multiplot.GetPlot(i).Axes.SetLimitsX(x.Length > 0 ? x[0] : 0, r.TruthInsertions);
        }
        multiplot.GetPlot(3).XLabel("insertion");
        return multiplot;
    }

    /// <summary>The firmware's forecast of the failure insertion (range band and expected) as life went on, beside the truth.</summary>
    static void Forecast(Plot plot, EmulationResult r)
    {
        plot.YLabel("Forecast failure (insertion)");
        if (r.Forecasts.Count == 0)
        {
            plot.Add.Annotation("wear forecast: not enough trend yet");
            return;
        }
        double[] at = r.Forecasts.Select(f => (double)f.At).ToArray();
        var band = plot.Add.FillY(at, r.Forecasts.Select(f => (double)f.Low).ToArray(), r.Forecasts.Select(f => (double)f.High).ToArray());
        band.FillColor = Colors.SteelBlue.WithAlpha(0.3);
        band.LegendText = "forecast range";
        var expected = plot.Add.Scatter(at, r.Forecasts.Select(f => (double)f.Expected).ToArray(), Colors.SteelBlue);
        expected.LegendText = "forecast failure";
        if (r.TruthFailureAtInsertion is { } failed)
        {
            var truth = plot.Add.HorizontalLine(failed, 2, Colors.Black);
            truth.LinePattern = LinePattern.Dashed;
            truth.LegendText = $"slot failed (truth, #{failed:N0})";
        }
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>One measure's curve with the flag, failure and fallback markers (named in the legend once, on the top panel).</summary>
    static void Panel(Plot plot, double[] x, double[] y, string label, Color color, EmulationResult r, bool nameMarkers)
    {
        var line = plot.Add.ScatterLine(x, y, color);
        line.LineWidth = 2;
        line.LegendText = label;
        plot.YLabel(label);
        foreach (var (flag, _) in r.FirstRaises)
        {
            var mark = plot.Add.VerticalLine(flag.Insertion, 1, Colors.Gray);
            mark.LinePattern = LinePattern.Dotted;
            mark.LegendText = nameMarkers ? $"flag {flag.Fault} {flag.Level} (#{flag.Insertion:N0})" : "";
        }
        if (r.TruthFailureAtInsertion is { } failed)
        {
            var mark = plot.Add.VerticalLine(failed, 2, Colors.Black);
            mark.LinePattern = LinePattern.Dashed;
            mark.LegendText = nameMarkers ? $"slot failed (truth, #{failed:N0})" : "";
        }
        if (r.FallbackAtInsertion is { } fallback)
        {
            var mark = plot.Add.VerticalLine(fallback, 2, Colors.Red);
            mark.LegendText = nameMarkers ? $"fallback engaged (#{fallback:N0})" : "";
        }
        plot.ShowLegend(Edge.Bottom);
    }
}
