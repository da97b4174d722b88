using System;
using System.Collections.Generic;

namespace PosSlot.Emulator.Scenarios;

/// <summary>
/// A slot's life to emulate: the connector, how it wears, who uses it and what goes wrong.
/// The JSON form (docs/scenario-format.md) uses the snake_case of these names.
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "custom";
    public string Description { get; init; } = "";

    /// <summary>Insertions to run unless --insertions says otherwise.</summary>
    public int Insertions { get; init; } = 5000;
    public double InsertionsPerDay { get; init; } = 300;
    public DateOnly StartDate { get; init; } = new(2026, 1, 1);

    /// <summary>The connector's rated cycles, given to the firmware too.</summary>
    public long RatedCycles { get; init; } = 50_000;

    public WearModel Wear { get; init; } = new();
    public UserModel Users { get; init; } = new();

    /// <summary>EMI glitches (5..45 us) per second of activity, on both lines.</summary>
    public double EmiPerSecond { get; init; }

    public DirtModel? Dirt { get; init; }

    /// <summary>Insertion numbers after which a technician cleans the slot (dirt goes, the firmware is told).</summary>
    public IReadOnlyList<int> Cleanings { get; init; } = Array.Empty<int>();

    public DetectFaultModel? DetectFault { get; init; }
    public ReadModel Reads { get; init; } = new();

    /// <summary>Power cuts at seeded instants (during a card, inside a flash write, between cards); the board reboots from its flash.</summary>
    public int PowerCuts { get; init; }

    /// <summary>The fault class the firmware should flag (a FaultClass name), or null for none.</summary>
    public string? ExpectFlag { get; init; }
}

/// <summary>How the slot ages with use. Life fraction u = insertions / rated cycles * LifeScale + StartFraction.</summary>
public sealed record WearModel
{
    public bool Enabled { get; init; } = true;

    /// <summary>Multiplies the life fraction: 2 wears out twice as fast as rated.</summary>
    public double LifeScale { get; init; } = 1.0;

    /// <summary>Life already used when the scenario starts (0 = new).</summary>
    public double StartFraction { get; init; }

    /// <summary>Contact bounce span, new and at rated life (data: ~2 ms new, ~5 ms worn out).</summary>
    public double BounceNewUs { get; init; } = 2000;
    public double BounceEndUs { get; init; } = 5000;
    public double EdgesNew { get; init; } = 5;
    public double EdgesEnd { get; init; } = 13;

    /// <summary>Spring: seat delay grows by this fraction at rated life.</summary>
    public double SeatDelayGrowth { get; init; } = 0.2;

    /// <summary>Spring failure: cards stop seating from this life fraction, reaching 80 % over the width.</summary>
    public double SpringFailStart { get; init; } = 0.9;
    public double SpringFailWidth { get; init; } = 0.3;

    /// <summary>Chance per seated card of a micro-interruption at rated life (fretting), from 0 at 80 % life.</summary>
    public double InterruptionsAtEnd { get; init; } = 0.04;
}

/// <summary>What customers do, per insertion.</summary>
public sealed record UserModel
{
    /// <summary>Typical detect-to-seated travel of a human hand.</summary>
    public double SeatDelayMinUs { get; init; } = 60_000;
    public double SeatDelayMaxUs { get; init; } = 160_000;
    public double HalfInsert { get; init; } = 0.01;
    public double QuickReinsert { get; init; } = 0.01;
    public double LeaveIn { get; init; } = 0.005;
}

/// <summary>Dirt in the slot: intermittent contact from an insertion on, until a cleaning.</summary>
public sealed record DirtModel
{
    public int Onset { get; init; }

    /// <summary>Required in a file: dirt with no share of cards affected means nothing (see ScenarioFile).</summary>
    [System.Text.Json.Serialization.JsonRequired]
    public double Probability { get; init; } = 0.35;
}

/// <summary>A detect switch that breaks at an insertion: "stuck" (held asserted), "open" (never asserts) or "chatter".</summary>
public sealed record DetectFaultModel
{
    /// <summary>Required in a file: a fault with no mode is refused rather than taken as "stuck".</summary>
    [System.Text.Json.Serialization.JsonRequired]
    public string Mode { get; init; } = "stuck";
    public int Onset { get; init; }
}

/// <summary>Chip reads the terminal reports, and reader IC faults.</summary>
public sealed record ReadModel
{
    public bool Report { get; init; } = true;
    public double FailProbability { get; init; } = 0.002;
    public int FailOnset { get; init; } = int.MaxValue;
    public double FailProbabilityAfter { get; init; }

    /// <summary>Chance per seated card, after FailOnset, of a reader-fault line pulse.</summary>
    public double ReaderFaultProbability { get; init; }
}
