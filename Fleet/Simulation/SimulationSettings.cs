using System;

namespace PosSlot.Fleet.Simulation;

public sealed record SimulationSettings
{
    public int Boards { get; init; } = 100;
    public double Days { get; init; } = 30;
    public int Seed { get; init; } = 1;

    /// <summary>The start of the simulated window (agent_time of the first reports).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How often each agent reports, in simulated time.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Boards simulated at once (each with its own MQTT connection while it runs).</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public DateTimeOffset End => Start + TimeSpan.FromDays(Days);
}
