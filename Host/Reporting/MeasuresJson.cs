using PosSlot.Emulator.Reporting;

namespace PosSlot.Host.Reporting;

/// <summary>The analyser's measures in the tools' JSON (snake_case, µs, rates as fractions).</summary>
public static class MeasuresJson
{
    public static object Of(MeasureSummary m) => new
    {
        baseline_contact_span_us = m.BaselineSpanUs,
        contact_span_mean_us = m.SpanMeanUs,
        contact_span_p90_us = m.SpanP90Us,
        baseline_seat_delay_us = m.BaselineSeatDelayUs,
        seat_delay_mean_us = m.SeatDelayMeanUs,
        seat_delay_p90_us = m.SeatDelayP90Us,
        never_seated_rate = m.NeverSeatedRate,
        interruption_rate = m.InterruptionRate,
        read_failure_rate = m.ReadFailureRate,
        slot_insertions = m.SlotInsertions,
        board_insertions = m.BoardInsertions,
    };

    /// <summary>The wear forecast: remaining insertions and days as {low, expected, high}, or has_trend false.</summary>
    public static object Forecast(ForecastSummary f) => new
    {
        has_trend = f.HasTrend,
        life_used = f.HasTrend ? f.LifeUsed : (double?)null,
        insertions_to_degraded = Range(f.ToDegraded),
        insertions_to_failed = Range(f.ToFailed),
        days_to_failed = Range(f.DaysToFailed),
        insertions_per_day = f.HasTrend ? f.PerDay : (double?)null,
    };

    static object? Range(Remaining? r) => r == null ? null : new { low = r.Low, expected = r.Expected, high = r.High < 0 ? (long?)null : r.High };
}
