using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PosSlot.Emulator.Capture;
using PosSlot.Emulator.Running;
using PosSlot.Firmware.Lines;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Capture;

/// <summary>The board's capture layer as the emulator models it: what it does to edges, and that counts and health hold under it.</summary>
[TestClass]
public class CaptureModelTests
{
    sealed class Recorder : IStimulusTarget
    {
        public readonly List<(int Line, int Level, long T)> Edges = new();

        public void Edge(int line, int level, long timeUs) => Edges.Add((line, level, timeUs));

        public void ReadResult(bool ok, long timeUs)
        {
        }
    }

    static List<(int Line, int Level, long T)> Through(string mode, (int Line, int Level, long T)[] edges, int seed = 1)
    {
        var recorder = new Recorder();
        var capture = CaptureMode.Create(mode, recorder, seed);
        foreach (var (line, level, t) in edges)
        {
            capture.Edge(line, level, t);
        }
        capture.Flush();
        return recorder.Edges;
    }

    // A card: detect bounce, then 95 ms later a contact bounce of 2 ms, then a 0.3 ms interruption 400 ms on.
    static readonly (int Line, int Level, long T)[] Card =
    [
        (SlotLine.Detect, 1, 1_000_000), (SlotLine.Detect, 0, 1_000_150), (SlotLine.Detect, 1, 1_000_400),
        (SlotLine.Contact, 1, 1_095_000), (SlotLine.Contact, 0, 1_095_300), (SlotLine.Contact, 1, 1_095_900),
        (SlotLine.Contact, 0, 1_096_500), (SlotLine.Contact, 1, 1_097_000),
        (SlotLine.Contact, 0, 1_497_000), (SlotLine.Contact, 1, 1_497_300),
    ];

    [TestMethod]
    public void RmtKeepsEveryDurationInsideABurstAndShiftsEachBurstByItsReadLatencyAlone()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var seen = Through(CaptureMode.Rmt, Card, seed);
            Assert.AreEqual(Card.Length, seen.Count, "no edge lost");
            var detect = seen.Where(e => e.Line == SlotLine.Detect).Select(e => e.T).ToArray();
            CollectionAssert.AreEqual(new long[] { 0, 150, 400 }, detect.Select(t => t - detect[0]).ToArray(), "detect durations exact");
            var contact = seen.Where(e => e.Line == SlotLine.Contact).Select(e => e.T).ToArray();
            CollectionAssert.AreEqual(new long[] { 0, 300, 900, 1500, 2000 }, contact.Take(5).Select(t => t - contact[0]).ToArray(), "bounce durations exact");
            Assert.AreEqual(300, contact[6] - contact[5], "the interruption's length exact");
            long lo = RmtCapture.LatencyMinUs - RmtCapture.NominalLatencyUs, hi = RmtCapture.LatencyMaxUs - RmtCapture.NominalLatencyUs;
            foreach (var (shift, truth) in new[] { (detect[0], Card[0].T), (contact[0], Card[3].T), (contact[5], Card[8].T) })
            {
                Assert.IsTrue(shift - truth >= lo && shift - truth <= hi, $"seed {seed}: burst off by {shift - truth} us");
            }
            CollectionAssert.AreEqual(seen.Select(e => e.T).OrderBy(t => t).ToArray(), seen.Select(e => e.T).ToArray(), "lines merged in time order");
        }
    }

    [TestMethod]
    public void GpioEventsStampABurstLateAndOneServiceApart()
    {
        var seen = Through(CaptureMode.GpioEvents, Card);
        Assert.AreEqual(Card.Length, seen.Count);
        for (int i = 0; i < Card.Length; i++)
        {
            Assert.AreEqual(Card[i].Level, seen[i].Level, "the event carries the edge's direction");
            Assert.IsTrue(seen[i].T >= Card[i].T + GpioEventCapture.DispatchMinUs, $"edge {i} stamped before its event could run");
            if (i > 0)
            {
                Assert.IsTrue(seen[i].T - seen[i - 1].T >= GpioEventCapture.ServiceUs, "one handler at a time");
            }
        }
        // The first bounce pulse (300 us) comes out wider or narrower: event timing is not the pin's.
        var contact = seen.Where(e => e.Line == SlotLine.Contact).Take(5).Select(e => e.T).ToArray();
        Assert.AreNotEqual(new[] { 0L, 300, 900, 1500, 2000 }.Sum(), contact.Select(t => t - contact[0]).Sum(), "the burst's timing is not kept");
    }

    [TestMethod]
    [DataRow("rmt")]
    [DataRow("gpio-events")]
    public void TheDefaultScenarioCountsExactlyAndFailsOverAsWithIdealCapture(string mode)
    {
        var ideal = JsonDocument.Parse(CliRun.Of("emulate", "--json").Output).RootElement;
        var run = CliRun.Of("emulate", "--json", "--capture", mode);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.AreEqual(json.GetProperty("truth").GetProperty("sensed_insertions").GetInt64(), json.GetProperty("firmware").GetProperty("insertions").GetInt64());
        var capture = json.GetProperty("capture");
        Assert.AreEqual(mode, capture.GetProperty("mode").GetString());
        long fallback = json.GetProperty("firmware").GetProperty("fallback_at_insertion").GetInt64();
        long idealFallback = ideal.GetProperty("firmware").GetProperty("fallback_at_insertion").GetInt64();
        Assert.IsTrue(System.Math.Abs(fallback - idealFallback) <= 200, $"fallback at #{fallback}, ideal #{idealFallback}");
        var span = capture.GetProperty("contact_span_error_us");
        var seat = capture.GetProperty("seat_delay_error_us");
        var idealSpan = ideal.GetProperty("capture").GetProperty("contact_span_error_us");
        if (mode == "rmt")
        {
            Assert.AreEqual(idealSpan.GetProperty("max").GetInt64(), span.GetProperty("max").GetInt64(), "RMT times the bounce in hardware: no extra span error");
            Assert.IsTrue(seat.GetProperty("max").GetInt64() <= 2 * (RmtCapture.LatencyMaxUs - RmtCapture.NominalLatencyUs), "seat delay error within the documented bound");
            Assert.IsTrue(seat.GetProperty("mean").GetDouble() > 0, "and shown");
        }
        else
        {
            Assert.IsTrue(span.GetProperty("mean").GetDouble() > 100, "queued events stretch the bounce the wear trend is built on: " + span);
        }
        var text = CliRun.Of("emulate", "--capture", mode, "--scenario", "fresh");
        StringAssert.Contains(text.Output, $"Capture {mode}: measured against the truth");
    }

    [TestMethod]
    public void AnUnknownCaptureModeIsAUsageError()
    {
        var run = CliRun.Of("emulate", "--capture", "dma");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Error, "--capture");
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
    }
}
