using System;
using System.Collections.Generic;

namespace PosSlot.Emulator.Running;

/// <summary>Median and worst report latency, in µs (null when nothing was measured).</summary>
public sealed record LatencyStats(int? InsertP50, int? InsertMax, int? RemoveP50, int? RemoveMax, int InsertSamples, int RemoveSamples)
{
    public static LatencyStats Of(List<int> insert, List<int> remove)
    {
        return new LatencyStats(Percentile(insert, 0.5), Max(insert), Percentile(remove, 0.5), Max(remove), insert.Count, remove.Count);
    }

    static int? Percentile(List<int> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
    }

    static int? Max(List<int> values)
    {
        int? max = null;
        foreach (var v in values)
        {
            max = max is { } m && m >= v ? m : v;
        }
        return max;
    }
}
