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
}
