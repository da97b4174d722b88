using System.Collections.Generic;

namespace PosSlot.Fleet.Messages;

/// <summary>
/// posslot.events/1: a batch of one reader's milestones (in id order) and the routine-event counts
/// since the newest one, on .../events. Ids are the board's and never reused, so a consumer that
/// stores (serial, id) once is idempotent against redelivery and replay.
/// </summary>
public sealed record EventsMessage
{
    public const string SchemaName = "posslot.events/1";

    public string Schema { get; init; } = SchemaName;
    public required string Serial { get; init; }
    public required string Site { get; init; }
    public required string AgentTime { get; init; }

    /// <summary>Milestones the board itself lost to capacity over its life (its `dropped`; expected 0).</summary>
    public long BoardDropped { get; init; }
    public required IReadOnlyList<Milestone> Events { get; init; }
    public required IReadOnlyList<RoutineCount> Routine { get; init; }
}

/// <summary>One milestone as the board's `events` reply gives it.</summary>
public sealed record Milestone(long Id, long TMs, string Event, long Insertion, string Detail);

/// <summary>Routine events of one kind since the newest milestone.</summary>
public sealed record RoutineCount
{
    public required string Event { get; init; }
    public long Count { get; init; }
    public long? LastTMs { get; init; }
    public long? LastInsertion { get; init; }
}
