using System;
using System.Collections.Generic;
using System.Linq;

namespace PosSlot.Fleet.Dispatch;

/// <summary>
/// The visit list: boards on the external reader first, then Failed, then by the wear forecast's days
/// to Failed (soonest first, by its middle estimate; the host's seat-delay trend where the board gives no
/// forecast, see SeatDelayTrend), then Degraded. A board whose forecast is beyond
/// the horizon (judged by SoonestPlausible) and that is neither Degraded nor worse is not on the list.
/// </summary>
public static class DispatchPlanner
{
    /// <summary>
    /// A board forecast without a range is within the horizon when its middle, less this share, is: the board's
    /// forecast is late at the horizon's edge (it said 15-21 days for slots that failed in 9-14). The share is
    /// about half the firmware's own range width (~20 % of the remaining life, health.md).
    /// </summary>
    public const double MarginShare = 0.10;

    /// <summary>
    /// The host's seat-delay trend counts at this share of its days: a straight line through 4 days under-reads a
    /// tiring spring, whose seat delay grows with the square of wear.
    /// </summary>
    public const double TrendShare = 0.7;

    /// <summary>
    /// The days the list judges the horizon by: the board's low end when it gives its range (it says the slot may
    /// fail that soon), else its middle less <see cref="MarginShare"/>; the host's trend at <see cref="TrendShare"/>.
    /// Chosen on the 1,000-board seeds 7 and 11 and held out on 23 (docs/health.md, "Fleet dispatch against the truth").
    /// </summary>
    public static double SoonestPlausible(FailsInDays f) =>
        f.ByHost ? f.Mid * TrendShare : f.Low ?? f.Mid * (1 - MarginShare);

    /// <summary>A board is stale when it has been silent for longer than this many of its report intervals.</summary>
    public const int StaleAfterIntervals = 2;

    /// <summary>Grace on top of the intervals, for a slow agent or a broker hiccup.</summary>
    public static readonly TimeSpan StaleGrace = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<DispatchRow> Plan(IEnumerable<DispatchCandidate> boards, DateTimeOffset asOf, TimeSpan horizon)
    {
        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var horizonDays = horizon.TotalDays;
        var listed = new List<(DispatchCandidate Board, DispatchReason Reason, FailsInDays? FailsIn, bool Stale)>();
        foreach (var b in boards)
        {
            var failsIn = FailsIn(b, asOfMs);
            DispatchReason? reason = b.FallbackEngaged ? DispatchReason.OnExternalReader
                : b.Health == "Failed" ? DispatchReason.Failed
                : failsIn != null && SoonestPlausible(failsIn) <= horizonDays ? DispatchReason.ForecastWithinHorizon
                : b.Health == "Degraded" ? DispatchReason.Degraded
                : null;
            if (reason is { } r)
            {
                listed.Add((b, r, failsIn, IsStale(b, asOfMs)));
            }
        }
        return listed
            .OrderBy(x => x.Reason)
            .ThenBy(x => x.FailsIn?.Mid ?? double.MaxValue)
            .ThenBy(x => x.Board.Site, StringComparer.Ordinal)
            .ThenBy(x => x.Board.Serial, StringComparer.Ordinal)
            .Select((x, i) => new DispatchRow(i + 1, x.Board, x.Reason, x.FailsIn, x.Stale))
            .ToList();
    }

    /// <summary>
    /// The board's forecast (or, where it gives none, the host's trend) moved forward to the as-of time; never
    /// below zero days.
    /// </summary>
    public static FailsInDays? FailsIn(DispatchCandidate b, long asOfMs)
    {
        var elapsed = Math.Max(0, asOfMs - b.LastSeenMs) / 86_400_000.0;
        static double Left(double days, double elapsed) => Math.Max(0, days - elapsed);
        if (b.ForecastMidDays is not { } mid)
        {
            return b.TrendDays is { } trend ? new FailsInDays(null, Left(trend, elapsed), null, ByHost: true) : null;
        }
        return new FailsInDays(
            b.ForecastLowDays is { } low ? Left(low, elapsed) : null,
            Left(mid, elapsed),
            b.ForecastHighDays is { } high ? Left(high, elapsed) : null);
    }

    public static bool IsStale(DispatchCandidate b, long asOfMs)
    {
        var allowed = TimeSpan.FromSeconds((double)Math.Max(1, b.IntervalS) * StaleAfterIntervals) + StaleGrace;
        return asOfMs - b.LastSeenMs > (long)allowed.TotalMilliseconds;
    }
}
