using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PosSlot.Fleet.Store;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Fleet;

/// <summary>posslot fleet dispatch through its real command line, against a SQLite store written through the store's own API.</summary>
[TestClass]
public sealed class FleetDispatchCliTests
{
    static readonly DateTimeOffset Day0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    static StateRecord State(string serial, DateTimeOffset at, string health, bool fallback = false, double? mid = null) => new()
    {
        Serial = serial, Site = "shop-1", AgentTimeMs = at.ToUnixTimeMilliseconds(), Status = "online", IntervalS = 900,
        Health = health, Fault = "worn_spring", FallbackEngaged = fallback, Insertions = 1000,
        ForecastLowDays = mid is { } m ? m * 0.8 : null, ForecastMidDays = mid, ForecastHighDays = mid is { } h ? h * 1.2 : null,
        PaymentsRetried = 3, Json = $"{{\"serial\":\"{serial}\",\"t\":{at.ToUnixTimeMilliseconds()}}}",
    };

    static async Task<string> StoreWith(params StateRecord[] states)
    {
        var path = Path.Combine(Path.GetTempPath(), $"posslot-dispatch-{Guid.NewGuid():N}.db");
        await using var store = await FleetStoreLocation.Parse("sqlite:" + path).OpenAsync();
        await store.WriteAsync(states);
        return path;
    }

    [TestMethod]
    public async Task JsonListsTheBoardsToVisitInOrder()
    {
        var db = await StoreWith(
            State("healthy", Day0, "Healthy"),
            State("wearing", Day0, "Watch", mid: 9),
            State("failed", Day0, "Failed"),
            State("external", Day0, "Failed", fallback: true),
            State("later", Day0, "Watch", mid: 60));
        try
        {
            var run = CliRun.Of("fleet", "dispatch", "--db", "sqlite:" + db, "--as-of", "2026-06-01T00:10:00Z", "--json");
            Assert.AreEqual(0, run.ExitCode, run.Error);
            var doc = JsonDocument.Parse(run.Output).RootElement;
            Assert.AreEqual("2026-06-01T00:10:00Z", doc.GetProperty("as_of").GetString());
            var boards = doc.GetProperty("boards").EnumerateArray().ToList();
            CollectionAssert.AreEqual(new[] { "external", "failed", "wearing" }, boards.Select(b => b.GetProperty("serial").GetString()).ToArray());
            Assert.IsTrue(boards[0].GetProperty("fallback").GetBoolean());
            Assert.AreEqual(9.0, boards[2].GetProperty("fails_in_days").GetProperty("mid").GetDouble(), 0.05);
            Assert.IsFalse(boards[2].GetProperty("stale").GetBoolean());
        }
        finally
        {
            File.Delete(db);
        }
    }

    [TestMethod]
    public async Task AsOfReadsTheStoreAsItWasThenAndMarksSilentBoardsStale()
    {
        var db = await StoreWith(
            State("b1", Day0, "Healthy"),
            State("b1", Day0.AddDays(10), "Failed"),
            State("b2", Day0, "Degraded"));
        var csv = Path.Combine(Path.GetTempPath(), $"posslot-dispatch-{Guid.NewGuid():N}.csv");
        try
        {
            var early = CliRun.Of("fleet", "dispatch", "--db", "sqlite:" + db, "--as-of", "2026-06-05T00:00:00Z", "--json", "--csv", csv);
            Assert.AreEqual(0, early.ExitCode, early.Error);
            var boards = JsonDocument.Parse(early.Output).RootElement.GetProperty("boards").EnumerateArray().ToList();
            Assert.AreEqual("b2", boards.Single().GetProperty("serial").GetString(), "b1 was Healthy on June 5");
            Assert.IsTrue(boards.Single().GetProperty("stale").GetBoolean(), "b2 last reported 4 days before");
            var lines = File.ReadAllLines(csv);
            Assert.AreEqual(2, lines.Length);
            StringAssert.StartsWith(lines[1], "1,shop-1,b2,degraded,Degraded,no,");

            var late = CliRun.Of("fleet", "dispatch", "--db", "sqlite:" + db, "--as-of", "2026-06-11T00:05:00Z");
            Assert.AreEqual(0, late.ExitCode, late.Error);
            StringAssert.Contains(late.Output, "1. shop-1/b1: failed");
        }
        finally
        {
            File.Delete(db);
            File.Delete(csv);
        }
    }

    [TestMethod]
    public void BadOptionsAndAMissingStoreAreOneLineUsageErrors()
    {
        var missing = CliRun.Of("fleet", "dispatch", "--db", "sqlite:/nonexistent/fleet.db");
        Assert.AreEqual(2, missing.ExitCode);
        StringAssert.Contains(missing.Error, "no such store");

        var horizon = CliRun.Of("fleet", "dispatch", "--db", "sqlite:x.db", "--horizon", "soon");
        Assert.AreEqual(2, horizon.ExitCode);
        StringAssert.Contains(horizon.Error, "--horizon");

        var asOf = CliRun.Of("fleet", "dispatch", "--db", "sqlite:x.db", "--as-of", "yesterday");
        Assert.AreEqual(2, asOf.ExitCode);
        StringAssert.Contains(asOf.Error, "--as-of");

        var db = CliRun.Of("fleet", "dispatch", "--db", "mysql://x");
        Assert.AreEqual(2, db.ExitCode);
        StringAssert.Contains(db.Error, "--db");
    }

    [TestMethod]
    public async Task EvaluateRefusesASpecialOrMalformedTruthFileInOneLine()
    {
        var db = await StoreWith(State("b1", Day0, "Healthy"));
        var truth = Path.Combine(Path.GetTempPath(), $"posslot-truth-{Guid.NewGuid():N}.json");
        try
        {
            var device = CliRun.Of("fleet", "evaluate", "--db", "sqlite:" + db, "--truth", "/dev/zero");
            Assert.AreEqual(2, device.ExitCode, device.Error);
            Assert.AreEqual(1, device.Error.Trim().Split('\n').Length, device.Error);

            File.WriteAllText(truth, "{\"end\": \"soon\", \"boards\": []}");
            var bad = CliRun.Of("fleet", "evaluate", "--db", "sqlite:" + db, "--truth", truth);
            Assert.AreEqual(2, bad.ExitCode, bad.Error);
            StringAssert.Contains(bad.Error, "--truth");

            File.WriteAllText(truth, "{\"end\": \"2026-06-30T00:00:00Z\", \"boards\": [{\"serial\": \"b1\", \"site\": \"shop-1\", \"scenario\": \"fresh\", \"fails_at\": null}]}");
            var ok = CliRun.Of("fleet", "evaluate", "--db", "sqlite:" + db, "--truth", truth, "--horizons", "14d", "--checkpoints", "2");
            Assert.AreEqual(0, ok.ExitCode, ok.Error);
            StringAssert.Contains(ok.Output, "| 14 d | dispatch | 2 |");

            // Several seeds: --db and --truth in pairs, one summed table, each store's coverage.
            var two = CliRun.Of("fleet", "evaluate", "--db", "sqlite:" + db, "--truth", truth, "--db", "sqlite:" + db, "--truth", truth, "--horizons", "14d", "--checkpoints", "2");
            Assert.AreEqual(0, two.ExitCode, two.Error);
            StringAssert.Contains(two.Output, "| 14 d | dispatch | 4 |");
            Assert.AreEqual(2, two.Output.Split("store coverage").Length - 1, two.Output);
            var unpaired = CliRun.Of("fleet", "evaluate", "--db", "sqlite:" + db, "--truth", truth, "--db", "sqlite:" + db);
            Assert.AreEqual(2, unpaired.ExitCode, unpaired.Error);
            StringAssert.Contains(unpaired.Error, "pairs");
        }
        finally
        {
            File.Delete(db);
            File.Delete(truth);
        }
    }
}
