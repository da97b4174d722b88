using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware.Health;

namespace PosSlot.Emulator.Reporting;

/// <summary>
/// The wear forecast's error (docs/health.md; `dotnet run -c Release --project Benchmarks -- --forecast-table`).
/// For each scenario and seed, runs
/// once to find the truth's failure insertion F, then again reading the firmware's forecast at 25,
/// 50 and 75 % of F: is F inside the forecast range, and how wide is the range against the life
/// that truly remains? Deterministic: the same table every time.
/// </summary>
public static class ForecastCheck
{
    static readonly double[] Checkpoints = { 0.25, 0.5, 0.75 };

    public sealed record Check(string Scenario, int Seed, double At, long Insertion, long Truth, WearForecastView? Forecast)
    {
        public bool Inside => Forecast is { } f && Truth >= Insertion + f.Low && Truth <= Insertion + f.High;
        public double WidthShare => Forecast is { } f ? (double)(f.High - f.Low) / (Truth - Insertion) : double.NaN;
    }

    public sealed record WearForecastView(long Low, long Mid, long High);

    public static IReadOnlyList<Check> Run(IEnumerable<Scenario> scenarios, IEnumerable<int> seeds)
    {
        var checks = new List<Check>();
        foreach (var scenario in scenarios)
        {
            foreach (int seed in seeds)
            {
                long? failure = EmulationRunner.Run(scenario, seed).TruthFailureAtInsertion;
                if (failure is not { } f)
                {
                    continue;
                }
                var at = Checkpoints.Select(c => (c, n: (long)Math.Round(c * f))).ToArray();
                EmulationRunner.Run(scenario, seed, (int)f, afterInsertion: (n, fw) =>
                {
                    foreach (var (c, point) in at.Where(a => a.n == n))
                    {
                        var fc = fw.Health.Forecast;
                        // The forecast was made at its last block's end: count from there, not from the checkpoint.
                        long from = fc.AtInsertion - n;
                        var view = fc.HasTrend ? new WearForecastView(from + fc.FailedInLow, from + fc.FailedIn, from + fc.FailedInHigh) : null;
                        checks.Add(new Check(scenario.Name, seed, c, n, f, view));
                    }
                });
            }
        }
        return checks;
    }

    public static void Print(TextWriter output, string repoRoot)
    {
        var scenarios = new[] { ScenarioCatalog.Find("lifetime")! }
            .Concat(new[] { "wear-slow", "wear-double", "wear-quadruple", "custom-connector" }
                .Select(n => ScenarioFile.Load(Path.Combine(repoRoot, "examples", "scenarios", n + ".json"))))
            .ToArray();
        var checks = Run(scenarios, Enumerable.Range(1, 5));
        output.WriteLine("| scenario | at | truth inside range (seeds 1-5) | median range width / remaining life | median forecast error |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var group in checks.GroupBy(c => (c.Scenario, c.At)))
        {
            var list = group.ToList();
            var withTrend = list.Where(c => c.Forecast != null).ToList();
            string width = withTrend.Count == 0 ? "no trend yet" : Pct(Median(withTrend.Select(c => c.WidthShare)));
            string error = withTrend.Count == 0 ? "" : Pct(Median(withTrend.Select(c => (double)(c.Insertion + c.Forecast!.Mid - c.Truth) / (c.Truth - c.Insertion))));
            output.WriteLine($"| {group.Key.Scenario} | {group.Key.At:P0} | {list.Count(c => c.Inside)}/{list.Count} ({withTrend.Count} with a trend) | {width} | {error} |");
        }
        foreach (double at in Checkpoints.Skip(1))
        {
            var atPoint = checks.Where(c => c.At == at).ToList();
            output.WriteLine($"At {at:P0} of life: truth inside the range in {atPoint.Count(c => c.Inside)}/{atPoint.Count} checks; "
                + $"width at most {Pct(atPoint.Where(c => c.Forecast != null).Select(c => c.WidthShare).DefaultIfEmpty(double.NaN).Max())} of the remaining life.");
        }
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    static string Pct(double v) => double.IsNaN(v) ? "n/a" : v.ToString("P0", CultureInfo.InvariantCulture);
}
