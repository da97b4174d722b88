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

/// <summary>What the firmware concluded about the slot, in names rather than codes.</summary>
public sealed record HealthSummary(string Health, IReadOnlyList<FlagSummary> Flags, bool FallbackEngaged, long? FallbackAtInsertion, MeasureSummary Measures)
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
            engaged ? fw.Fallback.EngagedAtInsertion : null, MeasureSummary.Of(fw));
    }
}
