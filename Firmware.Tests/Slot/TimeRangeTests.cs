using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Slot
{
    /// <summary>
    /// The core refuses times its arithmetic cannot hold (issue 11, case 2: a pulse near
    /// long.MaxValue wrapped into the past and failed the slot), and behaves the same at the top of
    /// its range as at its start.
    /// </summary>
    [TestClass]
    public class TimeRangeTests
    {
        [TestMethod]
        public void TimesBeyondTheRangeOrNegativeAreRefused()
        {
            long[] bad = new long[] { -1, Time.MaxUs + 1, long.MaxValue - 807, long.MaxValue };
            for (int i = 0; i < bad.Length; i++)
            {
                long t = bad[i];
                SlotFirmware fw = new SlotFirmware(new SlotConfig(), new HealthSettings(), new FallbackLine(), SlotFirmware.DefaultLogCapacity);
                Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { fw.Core.OnEdge(SlotLine.Detect, 1, t); });
                Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { fw.Core.Advance(t); });
                Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { fw.Core.OnReadResult(true, t); });
                Assert.AreEqual(0L, fw.Core.Edges, "nothing was taken in");
            }
        }

        [TestMethod]
        public void AShortDetectPulseIsNoiseAtTheStartAndAtTheTopOfTheRange()
        {
            long[] starts = new long[] { 1000, Time.MaxUs - 60 * Time.UsPerSecond };
            for (int i = 0; i < starts.Length; i++)
            {
                SlotFirmware fw = new SlotFirmware(new SlotConfig(), new HealthSettings(), new FallbackLine(), SlotFirmware.DefaultLogCapacity);
                EventRecorder events = EventRecorder.Streaming();
                fw.Core.AddSink(events);
                long t = starts[i];
                fw.Core.OnEdge(SlotLine.Detect, 1, t);
                fw.Core.OnEdge(SlotLine.Detect, 0, t + 100);
                fw.Core.Advance(t + 30 * Time.UsPerSecond);
                Assert.AreEqual(0, events.CountOf(EventCode.DetectStuck), "start " + t);
                Assert.AreEqual(0, events.CountOf(EventCode.CardInserted), "start " + t);
                Assert.AreEqual(HealthState.Healthy, fw.Health.State);
                Assert.IsFalse(fw.Fallback.Engaged);
                Assert.IsTrue(fw.Core.Line(SlotLine.Detect).Glitches + fw.Core.Line(SlotLine.Detect).NoiseBursts >= 1, "seen as a glitch or noise");
            }
        }
    }
}
