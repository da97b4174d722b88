using System.Collections.Generic;

namespace PosSlot.Fleet.Store;

/// <summary>One item of a write batch: a board's state, its events, or a message dropped with a reason.</summary>
public abstract record StoreItem;

/// <summary>
/// A board's state as the store keeps it: the fields the dispatch list and the trend read, plus the whole message.
/// Null fields were absent (an <c>offline</c> will carries only the status). Times are Unix milliseconds.
/// </summary>
public sealed record StateRecord : StoreItem
{
    public required string Serial { get; init; }
    public required string Site { get; init; }
    public required long AgentTimeMs { get; init; }
    public required string Status { get; init; }
    public long? BoardTimeMs { get; init; }
    public int? IntervalS { get; init; }
    public string? Health { get; init; }
    public string? Fault { get; init; }
    public bool? FallbackEngaged { get; init; }
    /// <summary>The board's advice as JSON arrays of {fault, level, text}, English and Chinese.</summary>
    public string? AdviceEn { get; init; }
    public string? AdviceZh { get; init; }
    public long? Insertions { get; init; }
    public double? LifeUsedPct { get; init; }
    public double? BounceMeanUs { get; init; }
    public double? SeatDelayMeanUs { get; init; }
    /// <summary>The wear forecast's days to Failed: low, mid, high (null when the board cannot tell yet).</summary>
    public double? ForecastLowDays { get; init; }
    public double? ForecastMidDays { get; init; }
    public double? ForecastHighDays { get; init; }
    /// <summary>Payments the slot already cost (retried reads), from the board's counters.</summary>
    public long? PaymentsRetried { get; init; }
    public long? LastEventId { get; init; }
    /// <summary>The whole message as received (the current state keeps it; history keeps the columns).</summary>
    public required string Json { get; init; }

    /// <summary>
    /// A digest of the message: with the serial and the agent time it identifies a state, so a redelivery or a
    /// replay (the same bytes) is stored once, while two different states in the same second are both kept.
    /// </summary>
    public long Digest => StateDigest.Of(Json);
}

/// <summary>A board's milestones and routine-event counts from one events message.</summary>
public sealed record EventsRecord : StoreItem
{
    public required string Serial { get; init; }
    public required string Site { get; init; }
    public required long AgentTimeMs { get; init; }
    public required IReadOnlyList<MilestoneRecord> Milestones { get; init; }
    public required IReadOnlyList<RoutineRecord> Routine { get; init; }
}

/// <summary>One milestone; (serial, id) is its identity, so a redelivered one is stored once.</summary>
public sealed record MilestoneRecord(long Id, long TMs, string Event, long? Insertion, string? DetailJson);

/// <summary>Routine events of one kind since the board's newest milestone.</summary>
public sealed record RoutineRecord(string Event, long Count, long? LastTMs, long? LastInsertion);

/// <summary>A message that was not stored, and why (oversized, malformed_json, foreign_topic, wrong_serial, ...).</summary>
public sealed record DropRecord(string Reason) : StoreItem;

/// <summary>What a write did with one item.</summary>
public enum StoreOutcome
{
    /// <summary>Something new was stored (a state not seen before, at least one new milestone or newer counts).</summary>
    Stored,

    /// <summary>Everything in it was already there (a redelivery or a replay): nothing changed.</summary>
    Duplicate,

    /// <summary>Counted under its reason and not stored.</summary>
    Dropped,
}
