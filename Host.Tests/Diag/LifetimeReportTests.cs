using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware.Events;
using PosSlot.Host.Terminal;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>
/// Issue 19's acceptance: a slot's whole life to Failed (the lifetime scenario, 62,000 insertions)
/// on the emulator's live console over a real pseudo-terminal, then `posslot diag report`: the trend
/// ends at Failed, the board's current state, and every health and fallback change of the run is in
/// the report. The emulation runs in-process as fast as the machine goes (the command line caps
/// --speed at 100,000, which takes minutes), with a sink on the firmware that sees every event.
/// </summary>
[TestClass]
public class LifetimeReportTests
{
    sealed class Changes : ISlotEventSink
    {
        public readonly List<(string Event, long Insertion)> Seen = [];

        public void OnSlotEvent(SlotEvent e)
        {
            if (e.Code is EventCode.HealthChanged or EventCode.FallbackEngaged or EventCode.FallbackReleased)
            {
                lock (Seen)
                {
                    Seen.Add((EventCode.Name(e.Code), e.InsertionIndex));
                }
            }
        }
    }

    [TestMethod]
    public void AReportAfterALifeToFailedEndsAtFailedAndListsEveryChange()
    {
        using var pty = PseudoTerminal.Open();
        using var stop = new CancellationTokenSource();
        var status = new StringWriter();
        var sync = TextWriter.Synchronized(status);
        var changes = new Changes();
        var scenario = ScenarioCatalog.Find("lifetime")!;
        var serving = new Thread(() => ConsoleServing.ServePty(pty, scenario, 1, null, 1e7, null, sync, stop,
            live => live.Firmware.Core.AddSink(changes))) { IsBackground = true };
        serving.Start();
        var dir = Path.Combine(Path.GetTempPath(), $"posslot-life-{Environment.ProcessId}");
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!Snapshot(sync, status).Contains("scenario done") && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
            StringAssert.Contains(Snapshot(sync, status), "scenario done after 62,000 insertions: health Failed");

            var run = CliRun.Of("diag", "--port", pty.SlavePath, "report", "--out", dir);
            Assert.AreEqual(0, run.ExitCode, run.Error);
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
            var root = report.RootElement;
            var trend = root.GetProperty("trend").EnumerateArray().ToList();
            Assert.AreEqual("Failed", trend[^1].GetProperty("health").GetString(), "the trend ends at the board's state");
            Assert.AreEqual(62_000, trend[^1].GetProperty("insertion").GetInt64(), "at its insertion count");
            Assert.IsTrue(trend.Count > 3, "the trend steps through the slot's decline: " + trend.Count);
            Assert.AreEqual(0, root.GetProperty("dropped").GetInt64());
            var listed = root.GetProperty("events").EnumerateArray()
                .Select(e => (e.GetProperty("event").GetString()!, e.GetProperty("insertion").GetInt64())).ToList();
            List<(string Event, long Insertion)> seen;
            lock (changes.Seen)
            {
                seen = [.. changes.Seen];
            }
            Assert.IsTrue(seen.Count(c => c.Event == "health_changed") >= 3, "the run went through several states");
            Assert.IsTrue(seen.Any(c => c.Event == "fallback_engaged"), "and engaged the fallback");
            foreach (var change in seen)
            {
                CollectionAssert.Contains(listed, change, $"{change.Event} at insertion {change.Insertion} is in the report");
            }
            var summary = File.ReadAllText(Path.Combine(dir, "summary.txt"));
            StringAssert.Contains(summary, "Health:      Failed");
            StringAssert.Contains(summary, $"Health and fallback changes ({seen.Count};");
            Assert.IsTrue(new FileInfo(Path.Combine(dir, "trend.png")).Length > 10_000, "trend.png is drawn");
            Assert.IsTrue(root.GetProperty("routine").EnumerateArray().Any(), "routine events are counted, not listed");
        }
        finally
        {
            stop.Cancel();
            serving.Join(10_000);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    static string Snapshot(TextWriter sync, StringWriter status)
    {
        lock (sync)
        {
            return status.ToString();
        }
    }
}
