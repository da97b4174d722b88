using System.Collections.Generic;

namespace PosSlot.Fleet.Messages;

/// <summary>
/// posslot.state/1: one reader's current state, published retained on .../state. When the status is
/// offline or board_lost the board's readings are null: nothing is guessed (the store keeps the last
/// readings it had). JSON in snake_case (FleetJson); schema in schema/posslot-state-1.schema.json.
/// </summary>
public sealed record StateMessage
{
    public const string SchemaName = "posslot.state/1";

    public string Schema { get; init; } = SchemaName;
    public required string Serial { get; init; }
    public required string Site { get; init; }

    /// <summary>online, offline (the agent's last will) or board_lost (the reader stopped answering).</summary>
    public required string Status { get; init; }
    public required string AgentTime { get; init; }
    public required int IntervalS { get; init; }
    public BoardInfo? Board { get; init; }
    public string? Health { get; init; }
    public string? Fault { get; init; }
    public FallbackInfo? Fallback { get; init; }
    public AdviceInfo? Advice { get; init; }
    public CounterInfo? Counters { get; init; }
    public WearInfo? Wear { get; init; }

    /// <summary>The newest milestone id this agent has read from the board (published or spooled).</summary>
    public long LastEventId { get; init; }
    public required SpoolInfo Spool { get; init; }

    /// <summary>Why the status is not online (the board's last error), null when online.</summary>
    public string? Reason { get; init; }

    public const string Online = "online";
    public const string Offline = "offline";
    public const string BoardLost = "board_lost";
}

/// <summary>From `hello`.</summary>
public sealed record BoardInfo(string Model, string Board, string Firmware, long UptimeS, long ClockS, long Boots);

/// <summary>From `status`: is the external reader taking the payments, and who decided (auto or forced).</summary>
public sealed record FallbackInfo(bool Engaged, string Mode);

/// <summary>From `advice en` and `advice zh`: one entry per raised fault.</summary>
public sealed record AdviceInfo(IReadOnlyList<AdviceItem> En, IReadOnlyList<AdviceItem> Zh);

public sealed record AdviceItem(string Fault, string Level, string Text);

/// <summary>From `counters`. payments_retried is null when the board cannot know it.</summary>
public sealed record CounterInfo
{
    public long InsertionsBoard { get; init; }
    public long InsertionsSlot { get; init; }
    public long RatedLife { get; init; }
    public long Replacements { get; init; }
    public long Removals { get; init; }
    public long Boots { get; init; }
    public long StoreLosses { get; init; }
    public bool CountsExact { get; init; }
    public long? PaymentsRetried { get; init; }
}

/// <summary>From `wear`: the running measures and the forecast (null where the board says unknown).</summary>
public sealed record WearInfo
{
    public bool Trend { get; init; }
    public double LifeUsedPct { get; init; }
    public double BounceMeanUs { get; init; }
    public double SeatDelayMeanUs { get; init; }
    public long? DegradedInInsertions { get; init; }
    public long? FailedInInsertions { get; init; }

    /// <summary>Days until Failed at the board's recent usage rate; null without a trend.</summary>
    public DaysRange? FailedInDays { get; init; }
    public IReadOnlyList<FaultLevel> Faults { get; init; } = [];
}

/// <summary>low and high are null when the board gives only its central estimate.</summary>
public sealed record DaysRange(double? Low, double Mid, double? High);

public sealed record FaultLevel(string Fault, string Level, string Reason, bool Probation);

/// <summary>The agent's store-and-forward spool: waiting messages, and those it had to drop, by reason.</summary>
public sealed record SpoolInfo
{
    public long Pending { get; init; }
    public long Dropped { get; init; }
    public IReadOnlyDictionary<string, long> DroppedReasons { get; init; } = new Dictionary<string, long>();
}
