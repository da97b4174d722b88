using System.Text.Json;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>Issue 19 item 18: scenario files that contradict themselves are refused (exit 2, FILE:LINE), and expect_flag is shown and enforced.</summary>
[TestClass]
public class ScenarioValidationTests
{
    static CliRun Emulate(string json, params string[] more)
    {
        using var file = TempFile.With(json);
        return CliRun.Of(["emulate", "--scenario", file.Path, .. more]);
    }

    static void AssertRefused(CliRun run, string expected)
    {
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Output + run.Error);
        Assert.AreEqual("", run.Output);
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
        StringAssert.Contains(run.Error, expected);
    }

    [TestMethod]
    [DataRow("{\"wear\": {\"bounce_new_us\": 5000, \"bounce_end_us\": 100}}", "wear.bounce_end_us 100 is below wear.bounce_new_us 5000")]
    [DataRow("{\"wear\": {\"edges_new\": 9, \"edges_end\": 3}}", "wear.edges_end 3 is below wear.edges_new 9")]
    [DataRow("{\"users\": {\"seat_delay_min_us\": 90000, \"seat_delay_max_us\": 60000}}", "min <= max")]
    public void InvertedRangesAreRefused(string json, string expected) => AssertRefused(Emulate(json, "--insertions", "10"), expected);

    [TestMethod]
    public void ADuplicateKeyIsRefusedAtItsLine()
    {
        var run = Emulate("{\n  \"insertions\": 10,\n  \"insertions\": 20\n}");
        AssertRefused(run, ":3:");
        StringAssert.Contains(run.Error, "insertions: given twice");
        AssertRefused(Emulate("{\"wear\": {\"edges_new\": 1,\n \"edges_new\": 2}}"), "wear.edges_new: given twice");
    }

    [TestMethod]
    [DataRow("{\"detect_fault\": {\"onset\": 5}}", "detect_fault: needs mode too")]
    [DataRow("{\"dirt\": {\"onset\": 5}}", "dirt: needs probability too")]
    public void AFaultWithoutItsKindOrShareIsRefused(string json, string expected) => AssertRefused(Emulate(json, "--insertions", "10"), expected);

    [TestMethod]
    public void AMissedExpectationIsShownInJsonAndExitsOne()
    {
        // A fresh slot for 300 cards never has a stuck detect switch.
        var run = Emulate("{\"insertions\": 300, \"expect_flag\": \"detect_switch\"}", "--json");
        Assert.AreEqual(ExitCodes.Mismatch, run.ExitCode, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.AreEqual("detect_switch", doc.RootElement.GetProperty("expect_flag").GetString());
        Assert.IsFalse(doc.RootElement.GetProperty("expect_flag_met").GetBoolean());
        var text = Emulate("{\"insertions\": 300, \"expect_flag\": \"detect_switch\"}");
        Assert.AreEqual(ExitCodes.Mismatch, text.ExitCode);
        StringAssert.Contains(text.Output, "Expected flag detect_switch: NOT raised (exit 1).");
    }

    [TestMethod]
    public void AMetExpectationIsShownWithItsInsertion()
    {
        var run = CliRun.Of("emulate", "--scenario", "detect-broken", "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.AreEqual("detect_switch", doc.RootElement.GetProperty("expect_flag").GetString());
        Assert.IsTrue(doc.RootElement.GetProperty("expect_flag_met").GetBoolean());
        Assert.IsTrue(doc.RootElement.GetProperty("expect_flag_raised_at_insertion").GetInt64() >= 800);
    }
}
