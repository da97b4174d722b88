namespace PosSlot.Fleet.Store;

/// <summary>A board's current state as read back (the newest state received, by the agent's time).</summary>
public sealed record BoardRow(
    string Serial,
    string Site,
    long LastSeenMs,
    string Status,
    long? BoardTimeMs,
    int? IntervalS,
    string? Health,
    string? Fault,
    bool? FallbackEngaged,
    string? AdviceEn,
    string? AdviceZh,
    long? Insertions,
    double? LifeUsedPct,
    double? ForecastLowDays,
    double? ForecastMidDays,
    double? ForecastHighDays,
    long? PaymentsRetried,
    long? LastEventId,
    string Json);

/// <summary>One point of a board's trend: a state as it was at the agent's time.</summary>
public sealed record HistoryPoint(
    string Serial,
    string Site,
    long AgentTimeMs,
    long? BoardTimeMs,
    string Status,
    string? Health,
    string? Fault,
    bool? FallbackEngaged,
    long? Insertions,
    double? LifeUsedPct,
    double? BounceMeanUs,
    double? SeatDelayMeanUs,
    double? ForecastLowDays,
    double? ForecastMidDays,
    double? ForecastHighDays,
    long? PaymentsRetried);

/// <summary>A stored milestone with the board it came from.</summary>
public sealed record MilestoneRow(string Serial, string Site, long Id, long TMs, string Event, long? Insertion, string? DetailJson, long AgentTimeMs);

/// <summary>A board's routine-event counts as of its newest events message.</summary>
public sealed record RoutineRow(string Serial, string Event, long Count, long? LastTMs, long? LastInsertion, long AgentTimeMs);
