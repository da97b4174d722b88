using System.Collections.Generic;
using PosSlot.Fleet.Messages;

namespace PosSlot.Fleet.Agent;

/// <summary>One reading of the board: its state's parts and the milestones read after a given id.</summary>
public sealed record BoardSnapshot
{
    public required string Serial { get; init; }
    public required BoardInfo Board { get; init; }
    public required string Health { get; init; }
    public required string Fault { get; init; }
    public required FallbackInfo Fallback { get; init; }
    public required AdviceInfo Advice { get; init; }
    public required CounterInfo Counters { get; init; }
    public required WearInfo Wear { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public IReadOnlyList<RoutineCount> Routine { get; init; } = [];

    /// <summary>The board's count of milestones it ever lost to capacity.</summary>
    public long BoardDropped { get; init; }

    /// <summary>Events were not read this time (the spool had no room for milestones): they wait on the board.</summary>
    public bool EventsSkipped { get; init; }
}
