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
            return current.Select(FromCurrent).ToList();
        }
        var intervals = current.ToDictionary(b => b.Serial, b => b.IntervalS ?? DefaultIntervalS, StringComparer.Ordinal);
        var points = await store.ReadBoardsAsOfAsync(t.ToUnixTimeMilliseconds(), site, cancel);
        return points.Select(p => FromHistory(p, intervals.GetValueOrDefault(p.Serial, DefaultIntervalS))).ToList();
    }

    public static DispatchCandidate FromCurrent(BoardRow b) => new(
        b.Serial, b.Site, b.LastSeenMs, b.IntervalS ?? DefaultIntervalS, b.Status, b.Health, b.Fault, b.FallbackEngaged ?? false,
        b.AdviceEn, b.AdviceZh, b.Insertions, b.ForecastLowDays, b.ForecastMidDays, b.ForecastHighDays, b.PaymentsRetried);

    /// <summary>A history point has no advice text: the list as of a past time names the fault only.</summary>
    public static DispatchCandidate FromHistory(HistoryPoint p, int intervalS) => new(
        p.Serial, p.Site, p.AgentTimeMs, intervalS, p.Status, p.Health, p.Fault, p.FallbackEngaged ?? false,
        null, null, p.Insertions, p.ForecastLowDays, p.ForecastMidDays, p.ForecastHighDays, p.PaymentsRetried);
}
