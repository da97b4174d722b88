using System;
using System.Globalization;

namespace PosSlot.Fleet.Dispatch;

/// <summary>Parses the dispatch list's time options; each throws FormatException with a one-line reason.</summary>
public static class DispatchOptions
{
    /// <summary>"14d", "36h", "2w" or a plain number of days; 1 hour to 365 days.</summary>
    public static TimeSpan ParseHorizon(string text)
    {
        var t = text.Trim();
        var unit = t.Length > 0 && char.IsLetter(t[^1]) ? char.ToLowerInvariant(t[^1]) : 'd';
        var number = char.IsLetter(t.Length > 0 ? t[^1] : ' ') ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || double.IsNaN(n) || double.IsInfinity(n))
        {
            throw new FormatException($"'{text}' is not a duration: use days (14d), hours (36h) or weeks (2w)");
        }
        var span = unit switch
        {
            'd' => TimeSpan.FromDays(Math.Min(n, 100_000)),
            'h' => TimeSpan.FromHours(Math.Min(n, 100_000)),
            'w' => TimeSpan.FromDays(7 * Math.Min(n, 10_000)),
            _ => throw new FormatException($"'{text}': the unit must be d, h or w"),
        };
        if (span < TimeSpan.FromHours(1) || span > TimeSpan.FromDays(365))
        {
            throw new FormatException($"'{text}': the horizon must be between 1 hour and 365 days");
        }
        return span;
    }

    /// <summary>An ISO 8601 time; without an offset it is UTC (the store's times are UTC).</summary>
    public static DateTimeOffset ParseTime(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            throw new FormatException($"'{text}' is not a time: use ISO 8601, as in 2026-06-01T12:00:00Z");
        }
        return t;
    }
}
