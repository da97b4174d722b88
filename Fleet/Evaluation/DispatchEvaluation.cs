using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Dispatch;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Evaluation;

/// <summary>
/// Precision and recall of one way of choosing visits, summed over the checkpoints; Missed counts the failures in
/// the horizon it did not visit, by the truth's scenario (where the misses come from). A silent positive is a
/// failure whose latest report at the checkpoint was Healthy with no fault class, no forecast and no trend:
/// nothing in its telemetry set it apart from a healthy slot (why a miss could not be helped).
/// </summary>
public sealed record Score(string Method, double HorizonDays, int Checkpoints, int Visits, int TruePositives, int Positives,
    IReadOnlyDictionary<string, int> Missed, int SilentPositives = 0, int SilentHits = 0)
{
    public double Precision => Visits == 0 ? 1 : (double)TruePositives / Visits;
    public double Recall => Positives == 0 ? 1 : (double)TruePositives / Positives;

    /// <summary>Recall over the failures that showed a sign by the checkpoint (all but the silent ones).</summary>
    public double RecallWithASign => Positives == SilentPositives ? 1 : (double)(TruePositives - SilentHits) / (Positives - SilentPositives);
}

/// <summary>The store against the truth: boards that reported, states in all, fewest and most states a board.</summary>
public sealed record Coverage(int TruthBoards, int StoredBoards, int States, int FewestStates, int MostStates)
{
    public bool Complete => StoredBoards == TruthBoards && FewestStates * 2 >= MostStates;

    public string Text =>
        $"store coverage: {StoredBoards} of {TruthBoards} boards in the truth have reported; {States} states, {FewestStates} to {MostStates} a board"
        + (Complete ? "" : " (INCOMPLETE: a board is missing or has under half the most states)");
}

/// <summary>
/// Does the dispatch list name the slots that fail within the horizon, and does it beat what an estate
/// manager does today? At each checkpoint T the store is read as it was at T; the population is every board
/// that had reported by T and had not yet failed (a slot already failed is a known repair, not a forecast);
/// a positive is a board whose true failure falls in (T, T + horizon]. The dispatch list's claims are its
/// visits (its rows on the external reader, Failed, or forecast to fail within the horizon; a Degraded row
/// without such a forecast claims nothing about the horizon; a forecast may be the host's seat-delay trend, as the list
/// itself has it); the two baselines get the same number of visits (the same budget): the boards with the most
/// insertions (replace by count, as the rated life suggests) and the oldest boards (replace by age).
/// </summary>
public static class DispatchEvaluation
{
    public const string Dispatch = "dispatch";
    public const string ByInsertions = "by insertion count";
    public const string ByAge = "by age";

    public static async Task<IReadOnlyList<Score>> RunAsync(IFleetStore store, FleetTruth truth, IReadOnlyList<TimeSpan> horizons, int checkpoints, CancellationToken cancel = default)
    {
        var current = await store.ReadBoardsAsync(null, cancel);
        var firstSeen = new List<long>();
        foreach (var b in current)
        {
            var h = await store.ReadHistoryAsync(b.Serial, null, null, cancel);
            if (h.Count > 0)
            {
                firstSeen.Add(h[0].AgentTimeMs);
            }
        }
        var start = truth.Start(firstSeen);
        var scores = new List<Score>();
        foreach (var horizon in horizons)
        {
            var totals = new Dictionary<string, Tally>
            {
                [Dispatch] = default, [ByInsertions] = default, [ByAge] = default,
            };
            var missed = totals.Keys.ToDictionary(k => k, _ => new SortedDictionary<string, int>(StringComparer.Ordinal));
            var times = Checkpoints(start, truth.End - horizon, checkpoints);
            foreach (var t in times)
            {
                var points = await store.ReadBoardsAsOfAsync(t.ToUnixTimeMilliseconds(), null, cancel);
                var population = points.Where(p => truth.Boards.TryGetValue(p.Serial, out var tb) && !(tb.FailsAt <= t)).ToList();
                var positives = population.Where(p => truth.Boards[p.Serial].FailsAt is { } f && f > t && f <= t + horizon)
                    .Select(p => p.Serial).ToHashSet(StringComparer.Ordinal);
                // A Degraded row whose forecast is not inside the horizon is on the list to be looked at, but it
                // does not claim the slot fails within the horizon: the claims judged are the other rows.
                var candidates = await DispatchSource.WithTrendsAsync(store, population.Select(p => DispatchSource.FromHistory(p, DispatchSource.DefaultIntervalS)).ToList(), cancel);
                var silent = candidates.Where(IsSilent).Select(c => c.Serial).ToHashSet(StringComparer.Ordinal);
                var visits = DispatchPlanner.Plan(candidates, t, horizon)
                    .Where(r => r.Reason != DispatchReason.Degraded)
                    .Select(r => r.Board.Serial).ToList();
                var budget = visits.Count;
                Add(totals, missed, truth, Dispatch, visits, positives, silent);
                Add(totals, missed, truth, ByInsertions, population.OrderByDescending(p => p.Insertions ?? 0).ThenBy(p => p.Serial, StringComparer.Ordinal).Take(budget).Select(p => p.Serial).ToList(), positives, silent);
                Add(totals, missed, truth, ByAge, population.OrderByDescending(p => p.BoardTimeMs ?? 0).ThenBy(p => p.Serial, StringComparer.Ordinal).Take(budget).Select(p => p.Serial).ToList(), positives, silent);
            }
            foreach (var (method, v) in totals)
            {
                scores.Add(new Score(method, horizon.TotalDays, times.Count, v.Visits, v.Tp, v.Pos, missed[method], v.SilentPos, v.SilentTp));
            }
        }
        return scores;
    }

    /// <summary>Several seeds' scores as one: per horizon and method, every count summed and the misses merged.</summary>
    public static IReadOnlyList<Score> Sum(IReadOnlyList<IReadOnlyList<Score>> runs) =>
        runs.SelectMany(r => r)
            .GroupBy(s => (s.HorizonDays, s.Method))
            .Select(g => new Score(g.Key.Method, g.Key.HorizonDays, g.Sum(s => s.Checkpoints), g.Sum(s => s.Visits), g.Sum(s => s.TruePositives),
                g.Sum(s => s.Positives),
                g.SelectMany(s => s.Missed).GroupBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Sum(x => x.Value), StringComparer.Ordinal),
                g.Sum(s => s.SilentPositives), g.Sum(s => s.SilentHits)))
            .ToList();

    /// <summary>
    /// How much of the true fleet the store holds: boards that reported, and states a board. Every simulated board
    /// reports as often as the others, so a board missing or with far fewer states means lost messages (a broker
    /// that drops for a slow subscriber), and the table then judges a different fleet.
    /// </summary>
    public static async Task<Coverage> CoverageAsync(IFleetStore store, FleetTruth truth, CancellationToken cancel = default)
    {
        var counts = new List<int>();
        foreach (var serial in truth.Boards.Keys)
        {
            var h = await store.ReadHistoryAsync(serial, null, null, cancel);
            if (h.Count > 0)
            {
                counts.Add(h.Count);
            }
        }
        return new Coverage(truth.Boards.Count, counts.Count, counts.Sum(), counts.DefaultIfEmpty(0).Min(), counts.DefaultIfEmpty(0).Max());
    }

    /// <summary>N times evenly through [from, to] (none when the period is shorter than the horizon).</summary>
    public static IReadOnlyList<DateTimeOffset> Checkpoints(DateTimeOffset from, DateTimeOffset to, int n)
    {
        if (to <= from || n <= 0)
        {
            return [];
        }
        var step = (to - from) / n;
        return Enumerable.Range(1, n).Select(i => from + step * i).ToList();
    }

    /// <summary>Healthy, no fault class, not on the external reader, no forecast and no trend: like any healthy slot.</summary>
    public static bool IsSilent(DispatchCandidate c) =>
        c.Health == "Healthy" && (c.Fault is null or "none") && !c.FallbackEngaged && c.ForecastMidDays is null && c.TrendDays is null;

    record struct Tally(int Visits, int Tp, int Pos, int SilentPos, int SilentTp);

    static void Add(Dictionary<string, Tally> totals, Dictionary<string, SortedDictionary<string, int>> missed, FleetTruth truth,
        string method, IReadOnlyList<string> visits, HashSet<string> positives, HashSet<string> silent)
    {
        var v = totals[method];
        var hits = visits.Where(positives.Contains).ToList();
        totals[method] = new Tally(v.Visits + visits.Count, v.Tp + hits.Count, v.Pos + positives.Count,
            v.SilentPos + positives.Count(silent.Contains), v.SilentTp + hits.Count(silent.Contains));
        foreach (var serial in positives.Except(visits, StringComparer.Ordinal))
        {
            var scenario = truth.Boards[serial].Scenario;
            missed[method][scenario] = missed[method].GetValueOrDefault(scenario) + 1;
        }
    }
}
