using System.Linq;
using System.Text.Json;
using PosSlot.Emulator.Reporting;
using PosSlot.Emulator.Scenarios;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Emulate;

/// <summary>The wear forecast through the tools: emulate and replay show it; its error on a seeded slice of the docs' table.</summary>
[TestClass]
public class WearForecastCliTests
{
    [TestMethod]
    public void EmulateForecastsTheLifetimeSlotsFailureHalfwayThrough()
    {
        var run = CliRun.Of("emulate", "--json", "--insertions", "30000");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var forecast = JsonDocument.Parse(run.Output).RootElement.GetProperty("firmware").GetProperty("forecast");
        Assert.IsTrue(forecast.GetProperty("has_trend").GetBoolean());
        var failed = forecast.GetProperty("insertions_to_failed");
        // The lifetime slot of seed 1 fails at #53,550 (EmulateAcceptanceTests): 23,550 cards from #30,000.
        long remaining = 53_550 - 30_000;
        Assert.IsTrue(failed.GetProperty("low").GetInt64() <= remaining && remaining <= failed.GetProperty("high").GetInt64(), failed.ToString());
        var days = forecast.GetProperty("days_to_failed");
        Assert.IsTrue(days.GetProperty("expected").GetInt64() > 60 && days.GetProperty("expected").GetInt64() < 90, "~300 cards a day: " + days);
    }

    [TestMethod]
    public void TheLifeReportsForecastBandHoldsTheTruthFromHalfwayOn()
    {
        var result = PosSlot.Emulator.Running.EmulationRunner.Run(ScenarioCatalog.Find("lifetime")!, 1, 40_000);
        // One point every 4,000 cards once the trend is there; the slot fails at #53,550 (seed 1).
        Assert.IsTrue(result.Forecasts.Count >= 8, "points: " + result.Forecasts.Count);
        var late = result.Forecasts.Where(f => f.At >= 25_000).ToList();
        string all = string.Join("; ", late.Select(f => $"#{f.At}: {f.Low}..{f.High}"));
        Assert.IsTrue(late.All(f => f.Low <= f.Expected && f.Expected <= f.High), all);
        // The docs' target: the truth inside the range at 80 % of the checks, and never far outside.
        Assert.IsTrue(late.Count(f => f.Low <= 53_550 && 53_550 <= f.High) >= 0.75 * late.Count, all);
        Assert.IsTrue(late.All(f => f.Low <= 53_550 * 1.05 && f.High >= 53_550 * 0.95), all);
    }

    [TestMethod]
    public void ANewSlotSaysNotEnoughTrendYet()
    {
        var run = CliRun.Of("emulate", "--scenario", "fresh");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "Wear forecast: not enough trend yet");
    }

    [TestMethod]
    public void ReplayShowsTheForecast()
    {
        var run = CliRun.Of("replay", RepoPaths.Example("three-insertions.edges.csv"), "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var forecast = JsonDocument.Parse(run.Output).RootElement.GetProperty("forecast");
        Assert.IsFalse(forecast.GetProperty("has_trend").GetBoolean(), "three cards are no trend");
        var text = CliRun.Of("replay", RepoPaths.Example("three-insertions.edges.csv"));
        StringAssert.Contains(text.Output, "wear forecast: not enough trend yet");
    }

    [TestMethod]
    public void TruthIsInsideTheForecastRangeAtHalfAndThreeQuartersOfLife()
    {
        var scenarios = new[] { ScenarioCatalog.Find("lifetime")!, ScenarioFile.Load(RepoPaths.Path("examples", "scenarios", "wear-double.json")) };
        var checks = ForecastCheck.Run(scenarios, new[] { 1, 2, 3 }).Where(c => c.At >= 0.5).ToList();
        Assert.AreEqual(12, checks.Count);
        var misses = checks.Where(c => !c.Inside).Select(c => $"{c.Scenario} seed {c.Seed} at {c.At:P0}: truth #{c.Truth}, forecast {c.Forecast}");
        Assert.IsTrue(checks.Count(c => c.Inside) >= 0.8 * checks.Count, "target: 80 % inside; missed " + string.Join("; ", misses));
        foreach (var c in checks.Where(c => c.At == 0.75))
        {
            Assert.IsTrue(c.WidthShare <= 0.3, $"{c.Scenario} seed {c.Seed}: width {c.WidthShare:P0} of the remaining life");
        }
    }
}
