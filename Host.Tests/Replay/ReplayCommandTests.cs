using System;
using System.Text.Json;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Replay;

[TestClass]
public class ReplayCommandTests
{
    [TestMethod]
    public void EdgeExampleReplaysThreeInsertionsAsText()
    {
        var run = CliRun.Of("replay", RepoPaths.Example("three-insertions.edges.csv"));
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "insertions 3, removals 3");
        StringAssert.Contains(run.Output, "#2");
        StringAssert.Contains(run.Output, "interruptions 1 (0.45 ms)");
    }

    [TestMethod]
    public void SampleExampleReplaysAsJson()
    {
        var run = CliRun.Of("replay", RepoPaths.Example("two-insertions.samples.csv"), "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual(2, root.GetProperty("insertions").GetInt32());
        Assert.AreEqual(2, root.GetProperty("removals").GetInt32());
        var second = root.GetProperty("records")[1];
        Assert.AreEqual(2, second.GetProperty("index").GetInt32());
        Assert.AreEqual(1_500_000, second.GetProperty("inserted_us").GetInt64());
        Assert.AreEqual(1_590_000, second.GetProperty("seated_us").GetInt64());
        Assert.AreEqual(1, second.GetProperty("interruptions").GetInt32());
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void SampledTraceWithBounceAndSpikesGivesExactCountsAndTimes(int seed)
    {
        const int k = 25;
        var synth = new SampledTraceSynth(k, seed, 100_000);
        using var file = TempFile.With(synth.Csv);
        var run = CliRun.Of("replay", file.Path, "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual(k, root.GetProperty("insertions").GetInt32());
        Assert.AreEqual(k, root.GetProperty("removals").GetInt32());
        var records = root.GetProperty("records");
        Assert.AreEqual(k, records.GetArrayLength());
        for (int i = 0; i < k; i++)
        {
            var truth = synth.Insertions[i];
            var r = records[i];
            // Records carry the burst's first edge, so they sit within a sample or a merged spike of the truth.
            AssertNear(truth.InsertedUs, r.GetProperty("inserted_us").GetInt64(), $"insertion {i + 1} inserted");
            AssertNear(truth.SeatedUs, r.GetProperty("seated_us").GetInt64(), $"insertion {i + 1} seated");
            AssertNear(truth.RemovedUs, r.GetProperty("removed_us").GetInt64(), $"insertion {i + 1} removed");
            Assert.AreEqual(0, r.GetProperty("interruptions").GetInt32(), $"insertion {i + 1}: spikes are not interruptions");
        }
    }

    static void AssertNear(long truth, long measured, string what)
    {
        Assert.IsTrue(Math.Abs(measured - truth) <= 1000, $"{what}: measured {measured} us, truth {truth} us");
    }

    [TestMethod]
    public void DetectOnlyFlagMakesContactFollowDetect()
    {
        var run = CliRun.Of("replay", RepoPaths.Example("three-insertions.edges.csv"), "--json", "--detect-only");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.IsTrue(json.RootElement.GetProperty("detect_only").GetBoolean());
        Assert.AreEqual(3, json.RootElement.GetProperty("insertions").GetInt32());
        var first = json.RootElement.GetProperty("records")[0];
        Assert.AreEqual(0, first.GetProperty("seat_delay_us").GetInt64());
        Assert.AreEqual(0, first.GetProperty("flags").GetArrayLength());
    }

    [TestMethod]
    public void DetectColumnAloneImpliesDetectOnly()
    {
        // A 40 ms press: a few ms would be a noise pulse, not a card (docs/debounce.md).
        using var file = TempFile.With("# rate_hz=1000\ndetect\n0\n" + string.Concat(System.Linq.Enumerable.Repeat("1\n", 40)) + "0\n0\n");
        var run = CliRun.Of("replay", file.Path, "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.IsTrue(json.RootElement.GetProperty("detect_only").GetBoolean());
        Assert.AreEqual(1, json.RootElement.GetProperty("insertions").GetInt32());
        Assert.AreEqual(1000, json.RootElement.GetProperty("records")[0].GetProperty("inserted_us").GetInt64());
    }
}
