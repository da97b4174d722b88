using System;
using System.Globalization;

namespace PosSlot.Fleet.Agent;

/// <summary>Durations as people write them on a command line: 900 (seconds), 30s, 15m, 6h, 2d.</summary>
public static class Durations
{
    public static TimeSpan? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        char unit = char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        string number = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v <= 0 || double.IsInfinity(v))
        {
            return null;
        }
        return unit switch
        {
            's' => TimeSpan.FromSeconds(v),
            'm' => TimeSpan.FromMinutes(v),
            'h' => TimeSpan.FromHours(v),
            'd' => TimeSpan.FromDays(v),
            _ => null,
        };
    }
}
