using System.IO;
using System.Linq;
using System.Text.Json;
using PosSlot.Emulator.Running;
using PosSlot.Host.Replay;
using PosSlot.Host.Reporting;

namespace PosSlot.Host.Emulation;

/// <summary>The --json form of an emulation. Everything but wall_seconds is a function of scenario and seed.</summary>
public static class EmulateJson
{
    /// <summary>emulate --list --json: the built-in scenarios.</summary>
    public static void WriteList(System.Collections.Generic.IEnumerable<PosSlot.Emulator.Scenarios.Scenario> scenarios, string defaultName, TextWriter output)
    {
        var list = scenarios.Select(s => new { name = s.Name, insertions = s.Insertions, description = s.Description, expect_flag = s.ExpectFlag, @default = s.Name == defaultName });
        output.WriteLine(JsonSerializer.Serialize(new { scenarios = list }, new JsonSerializerOptions { WriteIndented = true }));
    }

    public static void Write(EmulationResult r, TextWriter output, Expectation expectation)
    {
        var document = new
        {
            scenario = r.Scenario.Name,
            description = r.Scenario.Description,
            seed = r.Seed,
            // The scenario's expect_flag, whether the firmware raised it and when; met is null when not checked (a shortened run).
            expect_flag = expectation.Flag,
            expect_flag_met = expectation.Checked ? expectation.RaisedAtInsertion != null : (bool?)null,
            expect_flag_raised_at_insertion = expectation.RaisedAtInsertion,
            truth = new
            {
                insertions = r.TruthInsertions,
                sensed_insertions = r.TruthSensedInsertions,
                failure_at_insertion = r.TruthFailureAtInsertion,
            },
            firmware = new
            {
                insertions = r.FirmwareInsertions,
                health = r.Health.Health,
                flags = r.FlagsRaised,
                active_flags = r.Health.Flags.Select(f => f.Fault).ToArray(),
                first_flag_at_insertion = r.FirstFlagAtInsertion,
                fallback = r.Health.FallbackEngaged,
                fallback_at_insertion = r.FallbackAtInsertion,
                transaction_fallbacks = r.TransactionFallbacks,
                payments_retried = r.PaymentsRetried,
                payments_retried_after_failure = r.PaymentsRetriedAfterFailure,
                flag_history = r.FlagHistory.Select(f => new
                {
                    insertion = f.Insertion,
                    date = r.SimulatedDate(f.TimeUs).ToString("yyyy-MM-dd HH:mm"),
                    fault = f.Fault,
                    level = f.Level,
                    reason = f.Reason,
                }).ToArray(),
                advice = r.Health.Flags.Select(f => new { fault = f.Fault, en = f.AdviceEn, zh = f.AdviceZh }).ToArray(),
                measures = MeasuresJson.Of(r.Health.Measures),
                forecast = MeasuresJson.Forecast(r.Health.Forecast),
            },
            capture = new
            {
                mode = r.Capture,
                samples = r.Measurement.Samples,
                contact_span_error_us = new { mean = System.Math.Round(r.Measurement.SpanMeanUs, 1), p95 = r.Measurement.SpanP95Us, max = r.Measurement.SpanMaxUs },
                seat_delay_error_us = new { mean = System.Math.Round(r.Measurement.SeatMeanUs, 1), p95 = r.Measurement.SeatP95Us, max = r.Measurement.SeatMaxUs },
            },
            store = new
            {
                power_cuts = r.Store.PowerCuts,
                cuts_in_flight = r.Store.CutsInFlight,
                insertions_lost = r.Store.InsertionsLost,
                health_regressions = r.Store.HealthRegressions,
                fallback_releases_by_reboot = r.Store.FallbackReleasedByReboot,
                store_bytes_written = r.Store.BytesWritten,
                store_blocks_erased = r.Store.BlocksErased,
                store_blocks_erased_littlefs = r.Store.LittleFsBlocksErased,
                snapshots_since_boot = r.Store.Snapshots,
            },
            latency_us = new
            {
                insert_p50 = r.Latency.InsertP50,
                insert_max = r.Latency.InsertMax,
                remove_p50 = r.Latency.RemoveP50,
                remove_max = r.Latency.RemoveMax,
            },
            simulated = new
            {
                start = r.SimulatedDate(0).ToString("yyyy-MM-dd"),
                end = r.SimulatedDate(r.SimulatedUs).ToString("yyyy-MM-dd HH:mm"),
                days = System.Math.Round(r.SimulatedUs / 86_400e6, 2),
                edges = r.Edges,
            },
            wall_seconds = System.Math.Round(r.WallSeconds, 3),
        };
        output.WriteLine(JsonSerializer.Serialize(document, ReplayJson.Options));
    }
}
