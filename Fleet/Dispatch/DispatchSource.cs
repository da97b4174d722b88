using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Dispatch;

/// <summary>Reads the candidates from a store: each board's current state, or its newest state at or before a time.</summary>
public static class DispatchSource
{
    /// <summary>The report interval assumed for a history point (it does not carry one): the agent's default.</summary>
    public const int DefaultIntervalS = 900;

    public static async Task<IReadOnlyList<DispatchCandidate>> ReadAsync(IFleetStore store, DateTimeOffset? asOf, string? site, CancellationToken cancel = default)
    {
        var current = await store.ReadBoardsAsync(site, cancel);
        if (asOf is not { } t)
        {
            return await WithTrendsAsync(store, current.Select(FromCurrent).ToList(), cancel);
        }
        var intervals = current.ToDictionary(b => b.Serial, b => b.IntervalS ?? DefaultIntervalS, StringComparer.Ordinal);
        var points = await store.ReadBoardsAsOfAsync(t.ToUnixTimeMilliseconds(), site, cancel);
        return await WithTrendsAsync(store, points.Select(p => FromHistory(p, intervals.GetValueOrDefault(p.Serial, DefaultIntervalS))).ToList(), cancel);
    }

    /// <summary>
    /// Fills the host's seat-delay trend (SeatDelayTrend) for each board with a spring fault and no forecast of its
    /// own, from its history up to the time it last reported (so a list as of a past time sees only that past).
    /// </summary>
    public static async Task<IReadOnlyList<DispatchCandidate>> WithTrendsAsync(IFleetStore store, IReadOnlyList<DispatchCandidate> boards, CancellationToken cancel = default)
    {
        var result = new List<DispatchCandidate>(boards.Count);
        foreach (var b in boards)
        {
            if (b.ForecastMidDays is null && SeatDelayTrend.Applies(b.Health, b.Fault))
            {
                var from = b.LastSeenMs - (long)SeatDelayTrend.Window.TotalMilliseconds;
                var history = await store.ReadHistoryAsync(b.Serial, from, b.LastSeenMs, cancel);
                var points = history.Where(p => p.SeatDelayMeanUs is not null).Select(p => new SeatDelayPoint(p.AgentTimeMs, p.SeatDelayMeanUs!.Value)).ToList();
                result.Add(b with { TrendDays = SeatDelayTrend.DaysToFailure(points, degraded: b.Health == "Degraded") });
            }
            else
            {
                result.Add(b);
            }
        }
        return result;
    }

    public static DispatchCandidate FromCurrent(BoardRow b) => new(
        b.Serial, b.Site, b.LastSeenMs, b.IntervalS ?? DefaultIntervalS, b.Status, b.Health, b.Fault, b.FallbackEngaged ?? false,
        b.AdviceEn, b.AdviceZh, b.Insertions, b.ForecastLowDays, b.ForecastMidDays, b.ForecastHighDays, b.PaymentsRetried);

    /// <summary>A history point has no advice text: the list as of a past time names the fault only.</summary>
    public static DispatchCandidate FromHistory(HistoryPoint p, int intervalS) => new(
        p.Serial, p.Site, p.AgentTimeMs, intervalS, p.Status, p.Health, p.Fault, p.FallbackEngaged ?? false,
        null, null, p.Insertions, p.ForecastLowDays, p.ForecastMidDays, p.ForecastHighDays, p.PaymentsRetried);
}
