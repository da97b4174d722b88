using System;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Slot
{
    [TestClass]
    public class SlotCoreTests
    {
        [TestMethod]
        public void IdleCoreAsksForNoTimer()
        {
            SlotCore core = new SlotCore(new SlotConfig());
            Assert.AreEqual(Time.NoDeadline, core.NextDeadlineUs);
        }

        [TestMethod]
        public void DeadlineIsTheGlitchWindowThenTheQuietWindow()
        {
            SlotCore core = new SlotCore(new SlotConfig());
            core.OnEdge(SlotLine.Detect, 1, 1000);
            Assert.AreEqual(1100L, core.NextDeadlineUs);
            core.Advance(1100);
            Assert.AreEqual(1000L + new SlotConfig().Detect.QuietUs, core.NextDeadlineUs);
        }

        [TestMethod]
        public void EdgeStampedInThePastIsTakenAsNowAndCounted()
        {
            SlotCore core = new SlotCore(new SlotConfig());
            EventRecorder r = new EventRecorder();
            core.AddSink(r);
            core.OnEdge(SlotLine.Detect, 1, 5000);
            core.OnEdge(SlotLine.Contact, 1, 4000);
            core.Advance(1000000);
            Assert.AreEqual(1L, core.OutOfOrderEdges);
            RecordedEvent late = r.First(EventCode.EdgeOutOfOrder);
            Assert.IsNotNull(late, "the capture layer's mistake is reported");
            Assert.AreEqual((long)SlotLine.Contact, late.Detail1);
            Assert.AreEqual(1000L, late.Detail2, "how late it was");
            Assert.AreEqual(1, r.CountOf(EventCode.CardInserted));
            Assert.AreEqual(5000L, r.First(EventCode.CardSeated).TimeUs);
        }

        [TestMethod]
        public void UnknownLineIsRejected()
        {
            SlotCore core = new SlotCore(new SlotConfig());
            Expect.Throws(typeof(ArgumentException), delegate { core.OnEdge(7, 1, 0); });
        }

        [TestMethod]
        public void ReadFailuresAreCountedOnTheCurrentCard()
        {
            SlotCore core = new SlotCore(new SlotConfig());
            EventRecorder r = new EventRecorder();
            core.AddSink(r);
            core.OnEdge(SlotLine.Detect, 1, 1000);
            core.OnEdge(SlotLine.Contact, 1, 50000);
            core.OnReadResult(false, 200000);
            core.OnReadResult(false, 300000);
            Assert.AreEqual(2, r.CountOf(EventCode.ReadFailed));
            Assert.AreEqual(2L, r.At(r.Count - 1).Detail1);
        }
    }
}
