using System.Linq;
using System.Text.Json;
using PosSlot.Emulator.Scenarios;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Emulate;

/// <summary>The emulator's acceptance list, through the real command line.</summary>
[TestClass]
public class EmulateAcceptanceTests
{
    static JsonElement Emulate(params string[] args)
    {
        var run = CliRun.Of(new[] { "emulate", "--json" }.Concat(args).ToArray());
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error + run.Output);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    static long? NullableLong(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();

    [TestMethod]
    public void FreshSlotCountsEveryCardAndStaysHealthy()
    {
        var json = Emulate("--scenario", "fresh", "--seed", "7");
        var fw = json.GetProperty("firmware");
        Assert.AreEqual(json.GetProperty("truth").GetProperty("insertions").GetInt64(), fw.GetProperty("insertions").GetInt64());
        Assert.AreEqual("Healthy", fw.GetProperty("health").GetString());
        Assert.IsFalse(fw.GetProperty("fallback").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, fw.GetProperty("fallback_at_insertion").ValueKind);
    }

    [TestMethod]
    public void LifetimeFlagsWearBeforeFailureAndFallsBackAtOrAfterIt()
    {
        var json = Emulate("--scenario", "lifetime", "--seed", "7");
        var truth = json.GetProperty("truth");
        var fw = json.GetProperty("firmware");
        Assert.AreEqual(truth.GetProperty("insertions").GetInt64(), fw.GetProperty("insertions").GetInt64());
        long failure = truth.GetProperty("failure_at_insertion").GetInt64();
        var wearFlag = fw.GetProperty("flag_history").EnumerateArray()
            .First(f => f.GetProperty("fault").GetString() is "contact_wear" or "loose_spring");
        Assert.IsTrue(wearFlag.GetProperty("insertion").GetInt64() < failure,
            $"wear flagged at {wearFlag.GetProperty("insertion")}, failure at {failure}");
        Assert.IsTrue(fw.GetProperty("fallback").GetBoolean());
        long lag = fw.GetProperty("fallback_at_insertion").GetInt64() - failure;
        Assert.IsTrue(lag >= FallbackTimingTests.MostEarly && lag <= FallbackTimingTests.MostLate, $"fallback lag {lag}");
        Assert.AreEqual("Failed", fw.GetProperty("health").GetString());
        var measures = fw.GetProperty("measures");
        double baseline = measures.GetProperty("baseline_contact_span_us").GetDouble();
        double mean = measures.GetProperty("contact_span_mean_us").GetDouble();
        Assert.IsTrue(baseline > 1500 && baseline < 2500, $"new contacts bounce ~2 ms, learned {baseline}");
        Assert.IsTrue(mean > 2 * baseline, $"worn out: {mean} against {baseline}");
        Assert.IsTrue(measures.GetProperty("contact_span_p90_us").GetDouble() > mean, "P90 above the mean");
        Assert.IsTrue(measures.GetProperty("never_seated_rate").GetDouble() > 0.5);
    }

    public static System.Collections.Generic.IEnumerable<object[]> ScenariosAndSeeds =>
        from s in ScenarioCatalog.All from seed in Enumerable.Range(1, 5) select new object[] { s.Name, seed };

    [TestMethod]
    [DynamicData(nameof(ScenariosAndSeeds))]
    public void EveryScenarioCountsExactlyAndFlagsWhatItShould(string scenario, int seed)
    {
        var json = Emulate("--scenario", scenario, "--seed", seed.ToString());
        var truth = json.GetProperty("truth");
        var fw = json.GetProperty("firmware");
        var store = json.GetProperty("store");
        long lost = truth.GetProperty("sensed_insertions").GetInt64() - fw.GetProperty("insertions").GetInt64();
        // No missed or false insertion; with power cuts, at most the one in flight per cut that hit one.
        Assert.IsTrue(lost >= 0 && lost <= store.GetProperty("cuts_in_flight").GetInt32(), $"lost {lost}");
        Assert.AreEqual(lost, store.GetProperty("insertions_lost").GetInt64());
        Assert.AreEqual(0, store.GetProperty("health_regressions").GetInt32());
        Assert.AreEqual(0, store.GetProperty("fallback_releases_by_reboot").GetInt32());
        var flags = fw.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        var expected = ScenarioCatalog.Find(scenario)!.ExpectFlag;
        if (expected == null)
        {
            Assert.AreEqual(0, flags.Count, "flags: " + string.Join(",", flags));
        }
        else
        {
            CollectionAssert.Contains(flags, expected);
        }
        FallbackTimingTests.AssertLagWithinBounds(truth, fw);
    }

    [TestMethod]
    [DataRow("intermittent")]
    [DataRow("noisy")]
    public void SameSeedGivesIdenticalJsonButForWallSeconds(string scenario)
    {
        string Strip(JsonElement e) => e.ToString().Split('\n').Where(l => !l.Contains("\"wall_seconds\"")).Aggregate("", (a, b) => a + b + "\n");
        var first = Strip(Emulate("--scenario", scenario, "--seed", "3"));
        var again = Strip(Emulate("--scenario", scenario, "--seed", "3"));
        var other = Strip(Emulate("--scenario", scenario, "--seed", "4"));
        Assert.AreEqual(first, again);
        Assert.AreNotEqual(first, other, "the seed matters");
    }

    [TestMethod]
    public void DefaultRunIsTheLifetimeScenarioAndTellsTheStoryInText()
    {
        var run = CliRun.Of("emulate");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "scenario lifetime, seed 1");
        StringAssert.Contains(run.Output, "(match)");
        StringAssert.Contains(run.Output, "fallback engaged at #");
        StringAssert.Contains(run.Output, "Flags (first time at each level):");
        StringAssert.Contains(run.Output, "Report latency");
        StringAssert.Contains(run.Output, "建议 (loose_spring)");
    }

    [TestMethod]
    public void CustomScenarioFileRuns()
    {
        var json = Emulate("--scenario", RepoPaths.Path("examples", "scenarios", "custom-connector.json"), "--seed", "2");
        Assert.AreEqual("cheap-connector", json.GetProperty("scenario").GetString());
        var fw = json.GetProperty("firmware");
        Assert.AreEqual(13000, fw.GetProperty("insertions").GetInt64());
        CollectionAssert.Contains(fw.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList(), "contact_wear");
        Assert.AreEqual("2026-03-01", json.GetProperty("simulated").GetProperty("start").GetString());
    }

    [TestMethod]
    public void InsertionsOptionOverridesTheScenario()
    {
        var json = Emulate("--scenario", "fresh", "--insertions", "321");
        Assert.AreEqual(321, json.GetProperty("truth").GetProperty("insertions").GetInt64());
        Assert.AreEqual(321, json.GetProperty("firmware").GetProperty("insertions").GetInt64());
    }
}
