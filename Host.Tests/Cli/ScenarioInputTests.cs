using System.IO;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>Issue 11 cases 3, 4, 5, 8, 14: every bad scenario is one line and exit 2, checked before the run.</summary>
[TestClass]
public class ScenarioInputTests
{
    static CliRun Emulate(string json)
    {
        using var file = TempFile.With(json);
        return CliRun.Of("emulate", "--scenario", file.Path, "--insertions", "20");
    }

    static void AssertBadInput(CliRun run, string expected)
    {
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Output + run.Error);
        Assert.AreEqual("", run.Output);
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
        StringAssert.Contains(run.Error, expected);
        Assert.IsFalse(run.Error.Contains("System.") || run.Error.Contains("PosSlot.") || run.Error.Contains("Exception"), run.Error);
    }

    [TestMethod]
    [DataRow("wear")]
    [DataRow("users")]
    [DataRow("reads")]
    [DataRow("cleanings")]
    [DataRow("name")]
    public void Case3And8_NullFieldIsNamed(string field) => AssertBadInput(Emulate($"{{\"{field}\": null}}"), field + " must not be null");

    [TestMethod]
    public void Case4_FarStartDateIsRangeError() => AssertBadInput(Emulate("{\"start_date\": \"9999-12-30\"}"), "start_date must be in 2000..2100");

    [TestMethod]
    public void Case5_HugeEdgeCountsAreRejectedNotHung() =>
        AssertBadInput(Emulate("{\"wear\": {\"edges_new\": 1e9, \"edges_end\": 1e9}}"), "wear.edges_new and wear.edges_end must be 1..100");

    [TestMethod]
    [DataRow("{\"wear\": {\"start_fraction\": -5}}", "wear.start_fraction")]
    [DataRow("{\"wear\": {\"start_fraction\": 50}}", "wear.start_fraction")]
    [DataRow("{\"wear\": {\"edges_new\": -3}}", "wear.edges_new")]
    [DataRow("{\"wear\": {\"spring_fail_start\": -1}}", "wear.spring_fail_start")]
    [DataRow("{\"wear\": {\"seat_delay_growth\": -1}}", "wear.seat_delay_growth")]
    [DataRow("{\"dirt\": {\"onset\": -1, \"probability\": 0.3}}", "dirt.onset")]
    [DataRow("{\"detect_fault\": {\"onset\": -1, \"mode\": \"stuck\"}}", "detect_fault.onset")]
    [DataRow("{\"insertions_per_day\": 1e-300}", "insertions_per_day")]
    [DataRow("{\"insertions_per_day\": 0.0001}", "insertions_per_day")]
    public void Case8_OutOfRangeValueIsNamed(string json, string field) => AssertBadInput(Emulate(json), field);

    [TestMethod]
    public void Case14_JsonErrorGivesFileLineColumnWithoutInternals()
    {
        using var file = TempFile.With("{\n  \"insertions\": \"many\"\n}");
        var run = CliRun.Of("emulate", "--scenario", file.Path);
        AssertBadInput(run, file.Path + ":2:");
        StringAssert.Contains(run.Error, "insertions");
        var broken = Emulate("{\n  \"insertions\": 5,,\n");
        Assert.AreEqual(ExitCodes.BadInput, broken.ExitCode);
        Assert.IsFalse(broken.Error.Contains("LineNumber") || broken.Error.Contains("PosSlot."), broken.Error);
    }

    [TestMethod]
    [DataRow(5000)]
    [DataRow(10000)]
    public void Case9_EmiRatesTheFirmwareReadsAsChatterAreOutsideTheRange(int rate) =>
        AssertBadInput(Emulate($"{{\"emi_per_second\": {rate}}}"), "emi_per_second must be 0..2000");

    [TestMethod]
    public void Case9_HealthySlotAtTheTopOfTheEmiRangeCountsEveryCard()
    {
        using var file = TempFile.With("{\"emi_per_second\": 2000, \"wear\": {\"enabled\": false}}");
        var run = CliRun.Of("emulate", "--scenario", file.Path, "--insertions", "200", "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.DoesNotMatch(run.Output, new System.Text.RegularExpressions.Regex("\"Failed\""));
    }

    [TestMethod]
    [DataRow("detect_fault", "{\"detect_fault\": {\"mode\": \"%\", \"onset\": 0}}", "detect_fault.mode ")]
    [DataRow("expect_flag", "{\"expect_flag\": \"%\"}", "expect_flag ")]
    public void Case10_AnUnknownModeOrFlagIsQuotedShortAndEscaped(string field, string template, string expected)
    {
        // JSON escapes, so the scenario holds a real ESC and BEL around 5,000 characters.
        string huge = new string('x', 5000) + "\\u0007";
        var run = Emulate(template.Replace("%", "\\u001b[31m" + huge));
        AssertBadInput(run, expected + "'\\x1b[31mxxx");
        Assert.IsTrue(run.Error.Length < 300, field + ": " + run.Error.Length + " characters");
        Assert.IsFalse(run.Error.Contains('\u001b'), "no control byte reaches the terminal");
    }

    [TestMethod]
    public void Case9_CardsADeadDetectSwitchCannotSeeAreNotCountedAgainstTheFirmware()
    {
        using var file = TempFile.With("{\"insertions\": 500, \"detect_fault\": {\"mode\": \"open\", \"onset\": 0}}");
        var run = CliRun.Of("emulate", "--scenario", file.Path, "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var json = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        long customers = json.GetProperty("truth").GetProperty("insertions").GetInt64();
        long sensed = json.GetProperty("truth").GetProperty("sensed_insertions").GetInt64();
        Assert.AreEqual(500L, customers);
        Assert.IsTrue(sensed < customers, "half-inserted cards under an open detect switch touch neither line");
        Assert.AreEqual(sensed, json.GetProperty("firmware").GetProperty("insertions").GetInt64(), "the firmware counts every card it could see");
        var text = CliRun.Of("emulate", "--scenario", file.Path);
        StringAssert.Contains(text.Output, "touched neither line");
        StringAssert.Contains(text.Output, "(match)");
    }
}
