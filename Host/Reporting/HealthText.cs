using System.IO;
using PosSlot.Emulator.Reporting;

namespace PosSlot.Host.Reporting;

/// <summary>The health part of a text report: state, flags with reasons, advice, fallback.</summary>
public static class HealthText
{
    public static void Write(HealthSummary health, TextWriter output)
    {
        output.WriteLine($"health: {health.Health}");
        output.WriteLine("measures: " + Measures(health.Measures));
        output.WriteLine("wear forecast: " + Forecast(health.Forecast));
        output.WriteLine(health.FallbackEngaged
            ? $"fallback: ENGAGED since insertion #{health.FallbackAtInsertion}: payments go to the external reader"
            : "fallback: off (payments on the slot)");
        foreach (var flag in health.Flags)
        {
            output.WriteLine($"flag: {flag.Fault} {flag.Level} ({flag.Reason}){(flag.InProbation ? ", on probation after cleaning" : "")}");
            output.WriteLine($"  advice: {flag.AdviceEn}");
            output.WriteLine($"  建议: {flag.AdviceZh}");
        }
    }

    /// <summary>The analyser's measures against the slot's baseline, on one line.</summary>
    public static string Measures(MeasureSummary m)
    {
        var rates = $"never seated {m.NeverSeatedRate:P1}, interrupted {m.InterruptionRate:P1}, read failures {m.ReadFailureRate:P1}";
        return m.BaselineSpanUs is { } baseSpan
            ? $"contact bounce {Ms(m.SpanMeanUs)} ms (P90 {Ms(m.SpanP90Us)}, new {Ms(baseSpan)}), seat delay {Ms(m.SeatDelayMeanUs)} ms (new {Ms(m.BaselineSeatDelayUs)}), {rates}"
            : $"learning this slot's baseline; {rates}";
    }

    /// <summary>The wear forecast on one line: insertions (and days) until Degraded and Failed, with their range.</summary>
    public static string Forecast(ForecastSummary f)
    {
        if (!f.HasTrend)
        {
            return "not enough trend yet";
        }
        string Range(Remaining r, string unit) => $"~{N(r.Expected)} {unit} ({N(r.Low)}..{(r.High < 0 ? "?" : N(r.High))})";
        // A level already reached reads "Degraded now", never "Degraded in now".
        string Phase(string level, Remaining? r) => r == null ? $"{level} in n/a" : r.Expected == 0 ? $"{level} now" : $"{level} in {Range(r, "insertions")}";
        var text = $"{f.LifeUsed:P0} of rated wear used; {Phase("Degraded", f.ToDegraded)}, {Phase("Failed", f.ToFailed)}";
        return f.DaysToFailed is not { Expected: > 0 } days ? text : text + $", {Range(days, "days")} at {f.PerDay:0} cards/day";
    }

    static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    static string Ms(double? us) => us is { } v ? (v / 1000).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
