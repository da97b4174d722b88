using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Replay;

/// <summary>
/// `replay --json` says when the firmware reported each transition, within the bounds of
/// docs/debounce.md: seated ≤ 10 ms after the contact settles, inserted ≤ 30 ms after detect
/// settles, removed ≤ 60 ms after detect's last release edge.
/// </summary>
[TestClass]
public class ReplayReportedTimesTests
{
    [TestMethod]
    public void ReportedTimesAreWithinTheirBoundsAfterEachLineSettles()
    {
        string path = RepoPaths.Example("three-insertions.edges.csv");
        var edges = File.ReadLines(path).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (T: long.Parse(f[0], CultureInfo.InvariantCulture), Line: f[1], Level: int.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToArray();
        var run = CliRun.Of("replay", path, "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var records = json.RootElement.GetProperty("records");
        Assert.AreEqual(3, records.GetArrayLength());
        foreach (var r in records.EnumerateArray())
        {
            // A burst is every edge of its line within 10 ms of the transition's first edge.
            long Settled(string line, long first) => edges.Where(e => e.Line == line && e.T >= first && e.T <= first + 10_000).Max(e => e.T);
            AssertWithin(r, "inserted", Settled("detect", r.GetProperty("inserted_us").GetInt64()), 30_000);
            AssertWithin(r, "seated", Settled("contact", r.GetProperty("seated_us").GetInt64()), 10_000);
            AssertWithin(r, "removed", Settled("detect", r.GetProperty("removed_us").GetInt64()), 60_000);
        }
    }

    static void AssertWithin(JsonElement record, string name, long settledUs, long boundUs)
    {
        long reported = record.GetProperty(name + "_reported_us").GetInt64();
        long lag = reported - settledUs;
        Assert.IsTrue(lag >= 0 && lag <= boundUs, $"record {record.GetProperty("index")}: {name} reported {lag} us after its line settled (bound {boundUs} us)");
    }
}
