using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PosSlot.Fleet.Evaluation;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Evaluation;

[TestClass]
public sealed class DispatchEvaluationTests
{
    static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static StateRecord State(string serial, int day, string health, long insertions, long ageDays, double? mid) => new()
    {
        Serial = serial, Site = "s", AgentTimeMs = Day0.AddDays(day).ToUnixTimeMilliseconds(), Status = "online", IntervalS = 900,
        BoardTimeMs = ageDays * 86_400_000L, Health = health, Insertions = insertions,
        ForecastMidDays = mid, ForecastLowDays = mid, ForecastHighDays = mid, Json = $"{{\"s\":\"{serial}\",\"d\":{day}}}",
    };

    /// <summary>
    /// One checkpoint, day 10, horizon 14 days. The forecast names "wear" (fails day 20) and "quiet" (never
    /// fails); it misses "sudden" (fails day 15 with no warning). The oldest and busiest boards fail nothing.
    /// </summary>
    [TestMethod]
    public async Task CountsVisitsHitsAndMissesAgainstTheTruthOnTheSameBudget()
    {
        await using var store = await FleetStoreLocation.Parse(TestStores.NewSqlite()).OpenAsync();
        await store.WriteAsync(new StoreItem[]
        {
            State("wear", 0, "Watch", 40_000, 100, mid: 20),
            State("quiet", 0, "Watch", 10_000, 50, mid: 12),
            State("sudden", 0, "Healthy", 5_000, 10, mid: null),
            State("busy", 0, "Healthy", 90_000, 20, mid: null),
            State("old", 0, "Healthy", 1_000, 900, mid: null),
            State("gone", 0, "Failed", 70_000, 300, mid: null),
        });
        var truth = FleetTruth.Parse("""
            {"end": "2026-01-25T00:00:00Z", "boards": [
              {"serial": "wear", "site": "s", "scenario": "worn-spring", "fails_at": "2026-01-21T00:00:00Z"},
              {"serial": "quiet", "site": "s", "scenario": "fresh", "fails_at": null},
              {"serial": "sudden", "site": "s", "scenario": "detect-broken", "fails_at": "2026-01-16T00:00:00Z"},
              {"serial": "busy", "site": "s", "scenario": "fresh", "fails_at": null},
              {"serial": "old", "site": "s", "scenario": "fresh", "fails_at": null},
              {"serial": "gone", "site": "s", "scenario": "lifetime", "fails_at": "2025-12-30T00:00:00Z"}]}
            """);
        var scores = await DispatchEvaluation.RunAsync(store, truth, [TimeSpan.FromDays(14)], checkpoints: 1);
        var dispatch = scores.Single(s => s.Method == DispatchEvaluation.Dispatch);
        // At day 11 (the one checkpoint: start day 0, last usable day 11): "wear" has 9 days left, "quiet" 1.
        Assert.AreEqual(2, dispatch.Visits);
        Assert.AreEqual(1, dispatch.TruePositives);
        Assert.AreEqual(2, dispatch.Positives, "wear and sudden fail within 14 days; gone had failed already");
        Assert.AreEqual(0.5, dispatch.Precision);
        Assert.AreEqual(0.5, dispatch.Recall);
        Assert.AreEqual(1, dispatch.Missed["detect-broken"], "the miss is the sudden one");
        Assert.AreEqual(1, dispatch.Missed.Count);
        Assert.AreEqual("detect-broken 1", EvaluationTable.MissedText(dispatch));
        var byCount = scores.Single(s => s.Method == DispatchEvaluation.ByInsertions);
        Assert.AreEqual(2, byCount.Visits, "the same budget");
        Assert.AreEqual(1, byCount.TruePositives, "busy and wear: the two with most insertions");
        var byAge = scores.Single(s => s.Method == DispatchEvaluation.ByAge);
        Assert.AreEqual(1, byAge.TruePositives, "old and wear: the two oldest");
    }

    /// <summary>
    /// Where the misses come from: "sudden" fails on day 15 but its last report at the checkpoint (day 11) was
    /// Healthy, with no fault class and no forecast, like any healthy slot: no list built on telemetry could name
    /// it. "late" fails on day 20 with a Watch and a forecast of 40 days: the list saw it and judged it wrong.
    /// Recall on failures that showed a sign counts only "late" (and "wear", a hit).
    /// </summary>
    [TestMethod]
    public async Task MissesAreSplitIntoSilentOnesAndOnesThatShowedASign()
    {
        await using var store = await FleetStoreLocation.Parse(TestStores.NewSqlite()).OpenAsync();
        await store.WriteAsync(new StoreItem[]
        {
            State("wear", 0, "Watch", 40_000, 100, mid: 20),
            State("late", 0, "Watch", 30_000, 100, mid: 40),
            // As boards say it: fault "none".
            State("sudden", 0, "Healthy", 5_000, 10, mid: null) with { Fault = "none" },
            State("calm", 0, "Healthy", 6_000, 10, mid: null),
        });
        var truth = FleetTruth.Parse("""
            {"end": "2026-01-25T00:00:00Z", "boards": [
              {"serial": "wear", "site": "s", "scenario": "worn-spring", "fails_at": "2026-01-21T00:00:00Z"},
              {"serial": "late", "site": "s", "scenario": "lifetime", "fails_at": "2026-01-20T00:00:00Z"},
              {"serial": "sudden", "site": "s", "scenario": "detect-broken", "fails_at": "2026-01-16T00:00:00Z"},
              {"serial": "calm", "site": "s", "scenario": "fresh", "fails_at": null}]}
            """);
        var dispatch = (await DispatchEvaluation.RunAsync(store, truth, [TimeSpan.FromDays(14)], checkpoints: 1)).Single(s => s.Method == DispatchEvaluation.Dispatch);
        Assert.AreEqual(3, dispatch.Positives);
        Assert.AreEqual(1, dispatch.TruePositives);
        Assert.AreEqual(1, dispatch.SilentPositives, "sudden: Healthy, no fault, no forecast at the checkpoint");
        Assert.AreEqual(0, dispatch.SilentHits);
        Assert.AreEqual(0.5, dispatch.RecallWithASign, "wear of wear and late");
        Assert.AreEqual(1.0 / 3, dispatch.Recall);
    }

    /// <summary>
    /// A tiring spring: Watch loose_spring, no forecast from the board, its seat delay rising 8 ms a day from 180 ms
    /// (a report every 6 hours). At the checkpoint (day 11) the line stands at 268 ms: 4 days to the 300 ms at which
    /// the slot stops seating cards. It truly fails on day 16: the host's trend makes it a visit, and a hit.
    /// </summary>
    [TestMethod]
    public async Task ASpringFaultWithoutAForecastIsClaimedByItsSeatDelayTrend()
    {
        await using var store = await FleetStoreLocation.Parse(TestStores.NewSqlite()).OpenAsync();
        var spring = Enumerable.Range(0, 11 * 4 + 1).Select(i => (StoreItem)(State("spring", 0, "Watch", 1_000 + 25 * i, 30, mid: null) with
        {
            AgentTimeMs = Day0.AddHours(6 * i).ToUnixTimeMilliseconds(), Fault = "loose_spring", SeatDelayMeanUs = 180_000 + 8_000 * i / 4.0,
            Json = $"{{\"spring\":{i}}}",
        })).ToList();
        spring.Add(State("calm", 0, "Healthy", 9_000, 30, mid: null));
        await store.WriteAsync(spring);
        var truth = FleetTruth.Parse("""
            {"end": "2026-01-25T00:00:00Z", "boards": [
              {"serial": "spring", "site": "s", "scenario": "worn-spring", "fails_at": "2026-01-17T00:00:00Z"},
              {"serial": "calm", "site": "s", "scenario": "fresh", "fails_at": null}]}
            """);
        var dispatch = (await DispatchEvaluation.RunAsync(store, truth, [TimeSpan.FromDays(14)], checkpoints: 1)).Single(s => s.Method == DispatchEvaluation.Dispatch);
        Assert.AreEqual(1, dispatch.Visits);
        Assert.AreEqual(1, dispatch.TruePositives);
        Assert.AreEqual(1, dispatch.Positives);
    }

    /// <summary>
    /// A broker that drops messages (Mosquitto's default queue of 1,000 for a slow subscriber) leaves boards out of
    /// the store, and the evaluation would then judge a smaller fleet: the coverage says so beside the table.
    /// </summary>
    [TestMethod]
    public async Task TheCoverageSaysHowMuchOfTheTrueFleetTheStoreHolds()
    {
        await using var store = await FleetStoreLocation.Parse(TestStores.NewSqlite()).OpenAsync();
        await store.WriteAsync(new StoreItem[]
        {
            State("a", 0, "Healthy", 1, 1, null), State("a", 1, "Healthy", 2, 2, null), State("a", 2, "Healthy", 3, 3, null),
            State("b", 2, "Healthy", 1, 1, null),
        });
        var truth = FleetTruth.Parse("""
            {"end": "2026-01-03T00:00:00Z", "boards": [
              {"serial": "a", "site": "s", "scenario": "fresh", "fails_at": null},
              {"serial": "b", "site": "s", "scenario": "fresh", "fails_at": null},
              {"serial": "c", "site": "s", "scenario": "fresh", "fails_at": null}]}
            """);
        var coverage = await DispatchEvaluation.CoverageAsync(store, truth);
        Assert.AreEqual(3, coverage.TruthBoards);
        Assert.AreEqual(2, coverage.StoredBoards);
        Assert.AreEqual(4, coverage.States);
        Assert.AreEqual(1, coverage.FewestStates);
        Assert.AreEqual(3, coverage.MostStates);
        Assert.AreEqual("store coverage: 2 of 3 boards in the truth have reported; 4 states, 1 to 3 a board (INCOMPLETE: a board is missing or has under half the most states)", coverage.Text);
    }

    /// <summary>Several seeds make one table: every count summed per horizon and method, the misses merged.</summary>
    [TestMethod]
    public void SeedsAreSummedPerHorizonAndMethod()
    {
        static Score S(string method, int visits, int hits, int positives, int silent, params (string, int)[] missed) =>
            new(method, 14, 10, visits, hits, positives, missed.ToDictionary(m => m.Item1, m => m.Item2), silent, 0);
        var seed7 = new[] { S(DispatchEvaluation.Dispatch, 10, 8, 9, 1, ("detect-broken", 1)), S(DispatchEvaluation.ByAge, 10, 1, 9, 1, ("lifetime", 8)) };
        var seed11 = new[] { S(DispatchEvaluation.Dispatch, 20, 15, 18, 2, ("detect-broken", 2), ("lifetime", 1)), S(DispatchEvaluation.ByAge, 20, 2, 18, 2, ("lifetime", 16)) };

        var sum = DispatchEvaluation.Sum([seed7, seed11]);

        var d = sum.Single(s => s.Method == DispatchEvaluation.Dispatch);
        Assert.AreEqual((20, 30, 23, 27, 3), (d.Checkpoints, d.Visits, d.TruePositives, d.Positives, d.SilentPositives));
        Assert.AreEqual(3, d.Missed["detect-broken"]);
        Assert.AreEqual(1, d.Missed["lifetime"]);
        Assert.AreEqual(24, sum.Single(s => s.Method == DispatchEvaluation.ByAge).Missed["lifetime"]);
        Assert.AreEqual(2, sum.Count);
    }

    [TestMethod]
    public void ABadTruthFileIsRefusedWithAReason()
    {
        Assert.ThrowsExactly<FormatException>(() => FleetTruth.Parse("{\"boards\": []}"));
        Assert.ThrowsExactly<FormatException>(() => FleetTruth.Parse("{\"end\": \"soon\", \"boards\": []}"));
        Assert.ThrowsExactly<FormatException>(() => FleetTruth.Parse("{\"end\": \"2026-01-01T00:00:00Z\", \"boards\": [{\"serial\": \"a\", \"site\": \"s\"}, {\"serial\": \"a\", \"site\": \"s\"}]}"));
    }
}
