using System.Text.Json;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Emulate;

/// <summary>emulate with power cuts: the board reboots from its simulated flash and loses at most the card in flight.</summary>
[TestClass]
public class PowerCutCliTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void ThePowerCutScenarioLosesOnlyCardsInFlightAndNeverImprovesHealth(int seed)
    {
        var run = CliRun.Of("emulate", "--scenario", "power-cut", "--json", "--seed", seed.ToString());
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        var store = json.GetProperty("store");
        Assert.AreEqual(60, store.GetProperty("power_cuts").GetInt32());
        long lost = store.GetProperty("insertions_lost").GetInt64();
        int inFlight = store.GetProperty("cuts_in_flight").GetInt32();
        Assert.IsTrue(inFlight > 0 && lost <= inFlight, $"lost {lost}, cuts in flight {inFlight}");
        Assert.AreEqual(json.GetProperty("truth").GetProperty("sensed_insertions").GetInt64() - lost, json.GetProperty("firmware").GetProperty("insertions").GetInt64());
        Assert.AreEqual(0, store.GetProperty("health_regressions").GetInt32());
        Assert.AreEqual(0, store.GetProperty("fallback_releases_by_reboot").GetInt32());
        Assert.IsTrue(json.GetProperty("firmware").GetProperty("fallback").GetBoolean(), "the slot failed and stays in fallback through the cuts");
    }

    [TestMethod]
    public void PowerCutsOnAnyScenarioAndTheSummarySaysWhatTheyCost()
    {
        var run = CliRun.Of("emulate", "--scenario", "intermittent", "--power-cuts", "25");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "power cuts");
        StringAssert.Contains(run.Output, "0 health regressions");
        StringAssert.Contains(run.Output, "fallback releases");
        StringAssert.Contains(run.Output, "lost in power cuts");
    }

    [TestMethod]
    public void WithoutCutsTheStoreStillReportsItsFlashCost()
    {
        var run = CliRun.Of("emulate", "--scenario", "fresh", "--json");
        var store = JsonDocument.Parse(run.Output).RootElement.GetProperty("store");
        Assert.AreEqual(0, store.GetProperty("power_cuts").GetInt32());
        long bytes = store.GetProperty("store_bytes_written").GetInt64();
        Assert.IsTrue(bytes > 2000 * 30 && bytes < 2000 * 64, "about 35 bytes a card plus snapshots: " + bytes);
    }

    [TestMethod]
    [DataRow("-1")]
    [DataRow("100001")]
    [DataRow("many")]
    public void ABadCutCountIsAUsageError(string value)
    {
        var run = CliRun.Of("emulate", "--scenario", "fresh", "--power-cuts", value);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Error, "--power-cuts");
    }
}
