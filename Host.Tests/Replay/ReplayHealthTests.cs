using System.Linq;
using System.Text.Json;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Replay;

/// <summary>Replay shows what the health analyser concluded: state, flags, advice, fallback, events.</summary>
[TestClass]
public class ReplayHealthTests
{
    // One card; the contact opens but detect never releases; a second card is seen on the contact alone.
    const string StuckDetect = "t_us,line,level\n1000,detect,1\n100000,contact,1\n500000,contact,0\n7000000,contact,1\n7400000,contact,0\n";

    [TestMethod]
    public void StuckDetectShowsFailedFlagAdviceFallbackAndEventsInJson()
    {
        using var file = TempFile.With(StuckDetect);
        var run = CliRun.Of("replay", file.Path, "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual("Failed", root.GetProperty("health").GetString());
        var flag = root.GetProperty("flags").EnumerateArray().Single();
        Assert.AreEqual("detect_switch", flag.GetProperty("fault").GetString());
        Assert.AreEqual("Failed", flag.GetProperty("level").GetString());
        Assert.AreEqual("detect_stuck", flag.GetProperty("reason").GetString());
        StringAssert.Contains(flag.GetProperty("advice_en").GetString(), "external reader");
        StringAssert.Contains(flag.GetProperty("advice_zh").GetString(), "外接读卡器");
        Assert.IsTrue(root.GetProperty("fallback").GetProperty("engaged").GetBoolean());
        Assert.AreEqual(1, root.GetProperty("fallback").GetProperty("at_insertion").GetInt64());
        var names = root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        CollectionAssert.IsSubsetOf(new[] { "detect_stuck", "flag_raised", "health_changed", "fallback_engaged" }, names);
        Assert.IsFalse(names.Contains("card_inserted"), "routine lifecycle events stay out of the event list");
        Assert.AreEqual(2, root.GetProperty("insertions").GetInt32());
    }

    [TestMethod]
    public void StuckDetectShowsHealthInText()
    {
        using var file = TempFile.With(StuckDetect);
        var run = CliRun.Of("replay", file.Path);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "health: Failed");
        StringAssert.Contains(run.Output, "fallback: ENGAGED since insertion #1");
        StringAssert.Contains(run.Output, "flag: detect_switch Failed (detect_stuck)");
        StringAssert.Contains(run.Output, "建议:");
        StringAssert.Contains(run.Output, "Healthy -> Failed (detect_stuck)");
    }

    [TestMethod]
    public void HealthyExampleIsHealthyWithNoFallback()
    {
        var run = CliRun.Of("replay", RepoPaths.Example("three-insertions.edges.csv"), "--json");
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual("Healthy", json.RootElement.GetProperty("health").GetString());
        Assert.AreEqual(0, json.RootElement.GetProperty("flags").GetArrayLength());
        Assert.IsFalse(json.RootElement.GetProperty("fallback").GetProperty("engaged").GetBoolean());
        var measures = json.RootElement.GetProperty("measures");
        Assert.AreEqual(JsonValueKind.Null, measures.GetProperty("contact_span_mean_us").ValueKind, "three cards are too few for a baseline");
        Assert.AreEqual(3, measures.GetProperty("board_insertions").GetInt64());
    }
}
