using System.Globalization;
using System.IO;
using System.Linq;
using PosSlot.Emulator.Running;
using PosSlot.Host.Reporting;
using Spectre.Console;

namespace PosSlot.Host.Emulation;

/// <summary>A few lines that tell a newcomer what the firmware saw, and when, beside the truth.</summary>
public static class EmulateText
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(EmulationResult r, TextWriter output, Expectation expectation)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 110;
        string Date(long us) => r.SimulatedDate(us).ToString("yyyy-MM-dd", Invariant);
        string N(long n) => n.ToString("N0", Invariant);

        output.WriteLine($"PosSlot emulator: scenario {r.Scenario.Name}, seed {r.Seed}");
        output.WriteLine(r.Scenario.Description);
        output.WriteLine($"Simulated {r.SimulatedUs / 86_400e6:0.#} days ({Date(0)} to {Date(r.SimulatedUs)}): {N(r.TruthInsertions)} insertions, "
            + $"{N(r.Edges)} edges, in {r.WallSeconds:0.0} s.");
        output.WriteLine();

        var table = new Table().Border(TableBorder.Ascii).AddColumn("").AddColumn("truth (simulated slot)").AddColumn("firmware");
        bool match = r.FirmwareInsertions == r.TruthSensedInsertions;
        string verdict = match ? " (match)" : r.Store.PowerCuts > 0 && r.CountsAsExpected ? $" ({N(r.Store.InsertionsLost)} lost in power cuts)" : " MISMATCH";
        string unseen = r.TruthSensedInsertions == r.TruthInsertions ? ""
            : $" ({N(r.TruthInsertions - r.TruthSensedInsertions)} touched neither line: not countable)";
        table.AddRow("insertions", N(r.TruthInsertions) + unseen, N(r.FirmwareInsertions) + verdict);
        var firstFlag = r.FlagHistory.FirstOrDefault();
        table.AddRow("slot failed / fallback",
            r.TruthFailureAtInsertion is { } f ? $"#{N(f)} on {Date(r.TruthFailureAtUs!.Value)}" : "never",
            r.FallbackAtInsertion is { } fb ? $"fallback engaged at #{N(fb)}" : "fallback never engaged");
        table.AddRow("first flag", "", firstFlag == null ? "none" : $"#{N(firstFlag.Insertion)} on {Date(firstFlag.TimeUs)}: {firstFlag.Fault} {firstFlag.Level}");
        table.AddRow("now", "", $"{r.Health.Health}, fallback {(r.Health.FallbackEngaged ? "ENGAGED" : "off")}");
        table.AddRow("payments retried", $"{N(r.PaymentsRetried)} because of the slot", $"{N(r.PaymentsRetriedAfterFailure)} of them after it had failed");
        var st = r.Store;
        if (st.PowerCuts > 0)
        {
            table.AddRow("power cuts", $"{N(st.PowerCuts)} ({N(st.CutsInFlight)} with an insertion in flight)",
                $"{N(st.InsertionsLost)} insertions lost, {st.HealthRegressions} health regressions, {st.FallbackReleasedByReboot} fallback releases");
        }
        // Two rows, each short enough not to wrap inside the 110-column table ("1,072 4 / KB blocks").
        table.AddRow("store (flash)", "", $"{N(st.BytesWritten)} bytes written ({(double)st.BytesWritten / System.Math.Max(1, r.TruthInsertions):0.0} per insertion)");
        table.AddRow("", "", $"{Count(st.BlocksErased, "4-KB block", "4-KB blocks")} erased, {Count(st.Snapshots, "snapshot", "snapshots")} since the last boot");
        console.Write(table);

        var firsts = r.FirstRaises.ToList();
        if (firsts.Count > 0)
        {
            output.WriteLine("Flags (first time at each level):");
            foreach (var (flag, count) in firsts)
            {
                var again = count > 1 ? $"  (raised {count} times)" : "";
                output.WriteLine($"  #{N(flag.Insertion),-8} {Date(flag.TimeUs)}  {flag.Fault,-21} {flag.Level,-9} {flag.Reason}{again}");
            }
        }
        if (expectation.Text() is { } expected)
        {
            output.WriteLine(expected);
        }
        output.WriteLine("Measures now: " + HealthText.Measures(r.Health.Measures));
        output.WriteLine("Wear forecast: " + HealthText.Forecast(r.Health.Forecast));
        var m = r.Measurement;
        output.WriteLine($"Capture {r.Capture}: measured against the truth over {N(m.Samples)} seated cards: contact bounce span error "
            + $"mean {m.SpanMeanUs:0} us (p95 {m.SpanP95Us}, max {m.SpanMaxUs}); seat delay error mean {m.SeatMeanUs:0} us (p95 {m.SeatP95Us}, max {m.SeatMaxUs}).");
        var l = r.Latency;
        output.WriteLine($"Report latency, line settled to firmware report: insert p50 {Ms(l.InsertP50)}, max {Ms(l.InsertMax)}; "
            + $"removal p50 {Ms(l.RemoveP50)}, max {Ms(l.RemoveMax)}.");
        if (r.TransactionFallbacks > 0)
        {
            output.WriteLine($"Transactions sent to the external reader after two failed chip reads: {N(r.TransactionFallbacks)}.");
        }
        foreach (var flag in r.Health.Flags)
        {
            output.WriteLine($"Advice ({flag.Fault}): {flag.AdviceEn}");
            output.WriteLine($"建议 ({flag.Fault}): {flag.AdviceZh}");
        }
    }

    static string Count(long n, string one, string many) => $"{n.ToString("N0", Invariant)} {(n == 1 ? one : many)}";

    static string Ms(int? us) => us is { } v ? (v / 1000.0).ToString("0.0", Invariant) + " ms" : "n/a";
}
