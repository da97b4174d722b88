using System;
using System.Collections.Generic;
using System.Linq;

namespace PosSlot.Fleet.Dispatch;

/// <summary>One report's mean detect-to-contact (seat) delay, at the agent's time.</summary>
public readonly record struct SeatDelayPoint(long TimeMs, double SeatDelayUs);

/// <summary>
/// The host's stand-in for the wear forecast a board does not give for a tiring spring: the board forecasts
/// contact wear only, but a fatigued spring seats cards later and later until it no longer seats them. A
/// straight line through the board's recent seat delays, carried to the level where cards stop seating,
/// gives the days left. The level is a property of the slot model: the emulator's slot seats a new card in
/// ~110 ms and stops seating (fails 30 % of payments) at ~300 ms; a real fleet sets it from its returned slots.
/// </summary>
public static class SeatDelayTrend
{
    /// <summary>Mean seat delay at which a spring no longer seats enough cards (the emulator's slot).</summary>
    public const double SpringFailureUs = 300_000;

    /// <summary>The reports the line is drawn through: those within this time of the newest.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(4);

    /// <summary>Fewer reports than this in the window say nothing (the per-report mean is noisy, ~±10 %).</summary>
    public const int MinPoints = 4;

    /// <summary>Trended: a spring fault the board has raised but not yet called Failed (it has no forecast for it).</summary>
    public static bool Applies(string? health, string? fault) =>
        fault == "loose_spring" && health is "Watch" or "Degraded";

    /// <summary>
    /// Days from the newest report until the line reaches <paramref name="failureUs"/>; null when it does not rise,
    /// except at Degraded (<paramref name="degraded"/>), where a line that no longer rises is the spring's end: its
    /// mean counts only the cards that still seat, and fewer do (0 days).
    /// </summary>
    public static double? DaysToFailure(IReadOnlyList<SeatDelayPoint> points, bool degraded = false, double failureUs = SpringFailureUs)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var newest = points.Max(p => p.TimeMs);
        var recent = points.Where(p => newest - p.TimeMs <= (long)Window.TotalMilliseconds).ToList();
        if (recent.Count < MinPoints)
        {
            return null;
        }
        var xs = recent.Select(p => (p.TimeMs - newest) / 86_400_000.0).ToList();
        double mx = xs.Average(), my = recent.Average(p => p.SeatDelayUs);
        double sxx = xs.Sum(x => (x - mx) * (x - mx));
        if (sxx <= 0)
        {
            return null;
        }
        double slope = xs.Zip(recent, (x, p) => (x - mx) * (p.SeatDelayUs - my)).Sum() / sxx;
        if (slope <= 0)
        {
            return degraded ? 0 : null;
        }
        double now = my + slope * (0 - mx);
        return Math.Max(0, (failureUs - now) / slope);
    }
}
