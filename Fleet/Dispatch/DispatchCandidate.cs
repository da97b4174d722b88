namespace PosSlot.Fleet.Dispatch;

/// <summary>
/// What the dispatch list needs of one board, from its current row or from its history as of a time.
/// Forecast days count from <see cref="LastSeenMs"/>, the time the board said them. <see cref="TrendDays"/> is the
/// host's estimate from the board's recent history where the board gives no forecast (SeatDelayTrend), from the same time.
/// </summary>
public sealed record DispatchCandidate(
    string Serial,
    string Site,
    long LastSeenMs,
    int IntervalS,
    string Status,
    string? Health,
    string? Fault,
    bool FallbackEngaged,
    string? AdviceEn,
    string? AdviceZh,
    long? Insertions,
    double? ForecastLowDays,
    double? ForecastMidDays,
    double? ForecastHighDays,
    long? PaymentsRetried,
    double? TrendDays = null);
