using System;
using System.Collections.Generic;
using System.Linq;
using PosSlot.Emulator.Reporting;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Emulator.Running;

/// <summary>At insertion At, the firmware forecast the slot to fail between insertions Low and High (Expected likeliest).</summary>
public sealed record ForecastPoint(long At, long Low, long Expected, long High);

/// <summary>
/// The store over the run: power cuts (and those that hit an insertion in flight), insertions the
/// firmware lost to them, reboots that left health better or fallback released (must be 0), and
/// what the store cost the simulated flash.
/// </summary>
public sealed record StoreTally(int PowerCuts, int CutsInFlight, long InsertionsLost, int HealthRegressions,
    int FallbackReleasedByReboot, long BytesWritten, long BlocksErased, long LittleFsBlocksErased, long Snapshots);

/// <summary>
/// How far the firmware's per-insertion measures were from the truth under the capture model
/// (absolute errors in µs over the seated insertions with a working detect switch).
/// </summary>
public sealed record MeasurementError(int Samples, double SpanMeanUs, long SpanP95Us, long SpanMaxUs, double SeatMeanUs, long SeatP95Us, long SeatMaxUs);

/// <summary>An emulation's outcome: the simulated truth beside what the firmware concluded.</summary>
public sealed record EmulationResult
{
    public required Scenario Scenario { get; init; }
    public required int Seed { get; init; }

    public required long TruthInsertions { get; init; }

    /// <summary>Of those, the cards the slot's lines could sense at all (InsertionTruth.Sensed): what the firmware should count.</summary>
    public required long TruthSensedInsertions { get; init; }
    public long? TruthFailureAtInsertion { get; init; }
    public long? TruthFailureAtUs { get; init; }

    public required long FirmwareInsertions { get; init; }
    public required HealthSummary Health { get; init; }

    /// <summary>Every fault class the firmware flagged during the run, in the order first raised.</summary>
    public required IReadOnlyList<string> FlagsRaised { get; init; }
    public required IReadOnlyList<FlagRecord> FlagHistory { get; init; }
    public long? FirstFlagAtInsertion { get; init; }
    public long? FallbackAtInsertion { get; init; }
    public long TransactionFallbacks { get; init; }

    /// <summary>Payments that needed a retry or a per-transaction fallback because of the slot, while it was still in use.</summary>
    public long PaymentsRetried { get; init; }

    /// <summary>Of those, the ones after the slot had truly failed: what a late slot-level fallback costs.</summary>
    public long PaymentsRetriedAfterFailure { get; init; }

    /// <summary>The firmware's forecast of the failure insertion at a few points of the run (those with a trend).</summary>
    public IReadOnlyList<ForecastPoint> Forecasts { get; init; } = Array.Empty<ForecastPoint>();

    public required StoreTally Store { get; init; }

    /// <summary>The capture model the board's edges went through (CaptureMode), and what it cost the measures.</summary>
    public string Capture { get; init; } = "ideal";
    public required MeasurementError Measurement { get; init; }

    /// <summary>
    /// The firmware counted what it should: every insertion, or with power cuts at most one lost per
    /// cut that hit an insertion in flight, and no reboot made health better or released fallback.
    /// </summary>
    public bool CountsAsExpected =>
        TruthSensedInsertions - FirmwareInsertions >= 0
        && TruthSensedInsertions - FirmwareInsertions <= Store.CutsInFlight
        && Store.HealthRegressions == 0 && Store.FallbackReleasedByReboot == 0;

    public required LatencyStats Latency { get; init; }
    public required LifeCurve Curve { get; init; }

    public required long SimulatedUs { get; init; }
    public required long Edges { get; init; }
    public required double WallSeconds { get; init; }

    /// <summary>Each (fault, level) the first time it was raised, and how many times it was raised in all.</summary>
    public IEnumerable<(FlagRecord First, int Count)> FirstRaises =>
        FlagHistory.GroupBy(f => (f.Fault, f.Level)).Select(g => (g.First(), g.Count()));

    public DateTime SimulatedDate(long timeUs) => Scenario.StartDate.ToDateTime(TimeOnly.MinValue).AddTicks(timeUs * 10);
}
