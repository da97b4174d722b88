using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PosSlot.Emulator.Capture;
using PosSlot.Emulator.Physics;
using PosSlot.Emulator.Reporting;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware;
using PosSlot.Firmware.Health;

namespace PosSlot.Emulator.Running;

/// <summary>
/// Runs the real firmware (SlotFirmware, exactly as the board builds it) against the simulated
/// slot: edges in, the core's deadlines honoured between them, simulated time only.
/// </summary>
public static class EmulationRunner
{
    const long Second = 1_000_000;

    /// <summary>Runs the scenario; progress (if given) is called with the insertions done so far.</summary>
    /// <summary>afterInsertion (if given) sees the firmware after each insertion n has settled.</summary>
    public static EmulationResult Run(Scenario scenario, int seed, int? insertions = null, Action<long>? progress = null,
        Action<long, SlotFirmware>? afterInsertion = null, string capture = CaptureMode.Ideal)
    {
        var clock = Stopwatch.StartNew();
        int total = insertions ?? scenario.Insertions;
        var physics = new SlotPhysics(scenario, seed);
        var health = new HealthSettings { RatedCycles = scenario.RatedCycles };
        var curve = new LifeCurve(LifeCurve.BinSizeFor(total));
        var observer = new FirmwareObserver(curve);
        // The board boots from its flash drive, and again after every power cut.
        var board = new PoweredBoard(health, observer, capture, seed);
        var cuts = new PowerCutPlan(scenario.PowerCuts, total, seed);
        var buffer = new StimulusBuffer();
        var cleanings = scenario.Cleanings.ToHashSet();

        long t = Second;
        long? failureAt = null, failureUs = null;
        long retried = 0, retriedAfterFailure = 0, sensed = 0;
        var forecasts = new List<ForecastPoint>();
        long forecastEvery = Math.Max(1, total / 10);
        for (long n = 1; n <= total; n++)
        {
            var truth = physics.Insert(n, t, buffer);
            if (truth.Sensed)
            {
                sensed++;
            }
            if (failureAt == null && truth.SlotFailed)
            {
                failureAt = n;
                failureUs = t;
            }
            // Once the slot-level fallback is engaged, payments go to the external reader: the slot hurts no one.
            if (truth.PaymentHurt && !board.Fw.Fallback.Engaged)
            {
                retried++;
                if (failureAt != null)
                {
                    retriedAfterFailure++;
                }
            }
            observer.Expect(truth);
            long next = truth.EndUs + physics.GapAfter(truth);
            var cut = cuts.At(n);
            if (cut.Kind == PowerCutKind.DuringCard)
            {
                // The power goes while the card is in: the rest of its edges never reach the board.
                board.Run(() => board.Mixer.Feed(buffer, cut.Where(buffer.Count)), sensed, cardInFlight: true);
                board.Cut(sensed, cardInFlight: true);
            }
            else
            {
                if (cut.Kind == PowerCutKind.DuringWrite)
                {
                    board.Flash.ArmCutAt(board.Flash.BytesWritten + cut.Where(64));
                }
                // Let this card's last bursts settle before the next customer (the board's timer would).
                board.Run(() =>
                {
                    board.Mixer.Feed(buffer);
                    board.Capture.Flush();
                    board.Fw.Core.Advance(Math.Min(next - 1, truth.EndUs + 100_000));
                }, sensed, cardInFlight: false);
                if (cut.Kind == PowerCutKind.BetweenCards)
                {
                    board.Cut(sensed, cardInFlight: false);
                }
            }
            var fw = board.Fw;
            afterInsertion?.Invoke(n, fw);
            if (n % forecastEvery == 0 && fw.Health.Forecast is { HasTrend: true } fc && fc.FailedInHigh != WearForecast.Unknown)
            {
                forecasts.Add(new ForecastPoint(n, fc.AtInsertion + fc.FailedInLow, fc.AtInsertion + fc.FailedIn, fc.AtInsertion + fc.FailedInHigh));
            }
            if (cleanings.Contains((int)n))
            {
                physics.Clean();
                board.Run(() => board.Fw.SlotCleaned(Math.Min(next - 1, truth.EndUs + Second)), sensed, cardInFlight: false);
            }
            t = next;
            if (progress != null && n % 1000 == 0)
            {
                progress(n);
            }
        }
        board.Run(() => board.Fw.Core.Advance(t + 10 * Second), sensed, cardInFlight: false);
        board.Flash.PowerRestored();
        var last = board.Fw;
        curve.Close();
        progress?.Invoke(total);

        var flagsRaised = observer.Flags.Select(f => f.Fault).Distinct().ToList();
        return new EmulationResult
        {
            Scenario = scenario,
            Seed = seed,
            TruthInsertions = total,
            TruthSensedInsertions = sensed,
            TruthFailureAtInsertion = failureAt,
            TruthFailureAtUs = failureUs,
            FirmwareInsertions = last.Counters.BoardInsertions,
            Health = HealthSummary.Of(last),
            FlagsRaised = flagsRaised,
            FlagHistory = observer.Flags,
            FirstFlagAtInsertion = observer.Flags.Count > 0 ? observer.Flags[0].Insertion : null,
            FallbackAtInsertion = observer.FallbackAtInsertion,
            TransactionFallbacks = observer.TransactionFallbacks,
            PaymentsRetried = retried,
            Forecasts = forecasts,
            PaymentsRetriedAfterFailure = retriedAfterFailure,
            Latency = LatencyStats.Of(observer.InsertLatencyUs, observer.RemoveLatencyUs),
            Curve = curve,
            SimulatedUs = t,
            Edges = board.Edges,
            Capture = capture,
            Measurement = observer.MeasurementError(),
            Store = new StoreTally(board.PowerCuts, board.CutsInFlight, board.InsertionsLost, board.HealthRegressions,
                board.FallbackReleasedByReboot, board.Flash.BytesWritten, board.Flash.BlocksErased, board.Flash.LittleFsBlocksErased, last.Store.SnapshotsWritten),
            WallSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
