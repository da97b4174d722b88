using PosSlot.Firmware.Capture;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Capture
{
    /// <summary>Edges rebuilt from RMT bursts (levels and exact durations) give the core what the true edges give it.</summary>
    [TestClass]
    public class RmtBurstTests
    {
        /// <summary>A bouncing close of the contact line (close, open, close, open, close; active low on the pin): edge times in µs from 10 s.</summary>
        static readonly long[] s_bounce = new long[] { 10000000, 10000180, 10000400, 10000410, 10000900 };

        static SlotFirmware NewFirmware(EventRecorder events)
        {
            SlotFirmware fw = new SlotFirmware(new SlotConfig(), new HealthSettings(), new DisconnectedFallbackOutput(), 16);
            fw.Core.AddSink(events);
            return fw;
        }

        [TestMethod]
        public void ABurstGivesTheSameEventsAsTheTrueEdges()
        {
            EventRecorder direct = EventRecorder.Streaming();
            SlotFirmware a = NewFirmware(direct);
            a.Core.OnEdge(SlotLine.Detect, 1, 9900000);
            for (int i = 0; i < s_bounce.Length; i++)
            {
                a.Core.OnEdge(SlotLine.Contact, i % 2 == 0 ? 1 : 0, s_bounce[i]);
            }
            a.Core.Advance(10100000);

            // The same close as the RMT saw it on an active-low pin: pin 0 = contact closed.
            int n = s_bounce.Length;
            int[] levels = new int[n];
            int[] durations = new int[n];
            for (int i = 0; i < n; i++)
            {
                levels[i] = i % 2 == 0 ? 0 : 1;
                durations[i] = i + 1 < n ? (int)(s_bounce[i + 1] - s_bounce[i]) : 0;
            }
            EventRecorder viaRmt = EventRecorder.Streaming();
            SlotFirmware b = NewFirmware(viaRmt);
            b.Core.OnEdge(SlotLine.Detect, 1, 9900000);
            RmtBurst burst = new RmtBurst(b.Core, SlotLine.Contact, true);
            burst.SetResting(1);
            Assert.AreEqual(n, burst.Feed(levels, durations, n, s_bounce[n - 1]));
            b.Core.Advance(10100000);

            RecordedEvent seatedA = direct.First(EventCode.CardSeated);
            RecordedEvent seatedB = viaRmt.First(EventCode.CardSeated);
            Assert.IsNotNull(seatedA);
            Assert.IsNotNull(seatedB);
            Assert.AreEqual(seatedA.TimeUs, seatedB.TimeUs);
            Assert.AreEqual(seatedA.Detail1, seatedB.Detail1);
            Assert.AreEqual(seatedA.Detail2, seatedB.Detail2);
        }

        [TestMethod]
        public void EveryEdgeOfABurstSharesTheAnchorsOffset()
        {
            EventRecorder events = EventRecorder.Streaming();
            SlotFirmware fw = NewFirmware(events);
            RmtBurst burst = new RmtBurst(fw.Core, SlotLine.Detect, false);
            burst.SetResting(0);
            // Read 750 µs late: the edges move together, the 300 µs pulse keeps its width.
            burst.Feed(new int[] { 1, 0, 1 }, new int[] { 300, 5000, 0 }, 3, 20000000 + 750);
            Assert.AreEqual(3L, burst.Edges);
            Assert.AreEqual(1, burst.RestingPinLevel);
        }

        [TestMethod]
        public void ARepeatedLevelIsNotAnEdgeAndAFullCounterIsCounted()
        {
            EventRecorder events = EventRecorder.Streaming();
            SlotFirmware fw = NewFirmware(events);
            RmtBurst burst = new RmtBurst(fw.Core, SlotLine.Detect, false);
            burst.SetResting(0);
            Assert.AreEqual(1, burst.Feed(new int[] { 1, 1, 1 }, new int[] { RmtBurst.MaxDuration, RmtBurst.MaxDuration, 0 }, 3, 30000000));
            Assert.AreEqual(2L, burst.Overflows);
        }

        [TestMethod]
        public void PulseCountsThatDisagreeAreCountedWithTheirDifference()
        {
            EdgeCountCheck check = new EdgeCountCheck();
            Assert.IsTrue(check.Check(100, 40));
            Assert.IsTrue(check.Check(112, 52));
            Assert.IsFalse(check.Check(130, 66));
            Assert.AreEqual(1L, check.Mismatches);
            Assert.AreEqual(4L, check.EdgesApart);
            Assert.AreEqual(2L, check.Checks);
        }
    }
}
