using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using PosSlot.Fleet.Messages;

namespace PosSlot.Fleet.Simulation;

/// <summary>What really happened to one simulated board.</summary>
public sealed record BoardTruth
{
    public required string Serial { get; init; }
    public required string Site { get; init; }
    public required string Scenario { get; init; }

    /// <summary>The physics' truth: when the slot first failed at least 30 % of payments for its own reasons (SlotPhysics); null if not by the end.</summary>
    public string? FailsAt { get; init; }

    /// <summary>When the firmware's health first said Failed (null if not by the end).</summary>
    public string? FirmwareFailedAt { get; init; }

    /// <summary>The firmware's health and fallback at the end, as its last state reported them.</summary>
    public required string FinalHealth { get; init; }
    public bool FinalFallback { get; init; }
    public required string Installed { get; init; }
    public double InsertionsPerDay { get; init; }
    public long Insertions { get; init; }
    public long LastEventId { get; init; }
}

/// <summary>--truth FILE: {"end": ISO time, "boards": [...]} (docs/fleet.md).</summary>
public sealed record TruthFile(string End, IReadOnlyList<BoardTruth> Boards)
{
    static readonly JsonSerializerOptions s_options = new(FleetJson.Options) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, s_options));

    public static TruthFile Read(string path) => JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(path), s_options)!;
}
