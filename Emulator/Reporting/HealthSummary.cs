using System;
using System.Collections.Generic;
using PosSlot.Firmware;
using PosSlot.Firmware.Health;

namespace PosSlot.Emulator.Reporting;

/// <summary>One raised fault flag, as the tools show it.</summary>
public sealed record FlagSummary(string Fault, string Level, string Reason, bool InProbation, string AdviceEn, string AdviceZh);

/// <summary>
/// The analyser's current measures, what a technician compares with the baseline: contact bounce
/// span and seat delay (baseline, EWMA mean, running P90, in µs) and the rates it judges by.
/// Null where the baseline is still being learned.
/// </summary>
public sealed record MeasureSummary(
    double? BaselineSpanUs, double? SpanMeanUs, double? SpanP90Us,
    double? BaselineSeatDelayUs, double? SeatDelayMeanUs, double? SeatDelayP90Us,
    double NeverSeatedRate, double InterruptionRate, double ReadFailureRate,
    long SlotInsertions, long BoardInsertions)
{
    public static MeasureSummary Of(SlotFirmware fw)
    {
        var h = fw.Health;
        double? Ready(double v) => h.BaselineReady ? Math.Round(v, 1) : null;
        return new MeasureSummary(
            Ready(h.BaselineSpanUs), Ready(h.ContactSpan.Mean), Ready(h.ContactSpan.P90),
            Ready(h.BaselineSeatDelayUs), Ready(h.SeatDelay.Mean), Ready(h.SeatDelay.P90),
            Math.Round(h.NeverSeatedRate, 4), Math.Round(h.InterruptionRate, 4), Math.Round(h.ReadFailureRate, 4),
            fw.Counters.SlotInsertions, fw.Counters.BoardInsertions);
    }
}

/// <summary>A range of insertions still to go (low, expected, high), counted from the slot's count now.</summary>
public sealed record Remaining(long Low, long Expected, long High);

/// <summary>
/// The wear forecast as the tools show it: remaining insertions (and days at the measured pace)
/// until Degraded and until Failed, or no trend yet.
/// </summary>
public sealed record ForecastSummary(bool HasTrend, double LifeUsed, Remaining? ToDegraded, Remaining? ToFailed, double PerDay, Remaining? DaysToFailed)
{
    public static ForecastSummary Of(WearForecast f, long slotInsertions)
    {
        if (!f.HasTrend)
        {
            return new ForecastSummary(false, 0, null, null, 0, null);
        }
        long since = slotInsertions - f.AtInsertion;
        long Left(long n) => n == WearForecast.Unknown ? -1 : Math.Max(0, n - since);
        Remaining? Range(long low, long mid, long high) => mid == WearForecast.Unknown ? null : new Remaining(Left(low), Left(mid), Left(high));
        var failed = Range(f.FailedInLow, f.FailedIn, f.FailedInHigh);
        Remaining? days = failed == null || f.PerDay <= 0 ? null
            : new Remaining(f.Days(failed.Low), f.Days(failed.Expected), failed.High < 0 ? -1 : f.Days(failed.High));
        return new ForecastSummary(true, Math.Round(f.LifeUsed, 3), Range(f.DegradedInLow, f.DegradedIn, f.DegradedInHigh), failed, Math.Round(f.PerDay, 1), days);
    }
}

/// <summary>What the firmware concluded about the slot, in names rather than codes.</summary>
public sealed record HealthSummary(string Health, IReadOnlyList<FlagSummary> Flags, bool FallbackEngaged, long? FallbackAtInsertion, MeasureSummary Measures, ForecastSummary Forecast)
{
    public static HealthSummary Of(SlotFirmware fw)
    {
        var flags = new List<FlagSummary>();
        for (int f = 0; f < FaultClass.Count; f++)
        {
            int level = fw.Health.Level(f);
            if (level == HealthState.Healthy)
            {
                continue;
            }
            flags.Add(new FlagSummary(FaultClass.Name(f), HealthState.Name(level), ReasonCode.Name(fw.Health.Reason(f)),
                fw.Health.InProbation(f), Advice.For(f, level, Advice.English), Advice.For(f, level, Advice.Chinese)));
        }
        bool engaged = fw.Fallback.Engaged;
        return new HealthSummary(HealthState.Name(fw.Health.State), flags, engaged,
            engaged ? fw.Fallback.EngagedAtInsertion : null, MeasureSummary.Of(fw), ForecastSummary.Of(fw.Health.Forecast, fw.Counters.SlotInsertions));
    }
}
