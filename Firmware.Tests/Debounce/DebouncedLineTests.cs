using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Debounce
{
    /// <summary>
    /// Tables of raw edges (t_us, line, level) on the detect line alone, replayed under every
    /// Advance schedule. With the default settings: glitch 100 us, quiet 8 ms, chatter 50 ms.
    /// </summary>
    [TestClass]
    public class DebouncedLineTests
    {
        const long D = SlotLine.Detect;

        [TestMethod]
        public void BouncingCloseIsOneTransitionStampedAtItsFirstEdge()
        {
            long[] table = new long[] { 1000, D, 1, 1200, D, 0, 1350, D, 1 };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000", table);
        }

        [TestMethod]
        public void TransitionIsReportedOneQuietWindowAfterTheLastEdge()
        {
            long[] table = new long[] { 1000, D, 1, 1200, D, 0, 1350, D, 1 };
            EventRecorder r = CoreHarness.Run(table, Schedule.OnTime);
            Assert.AreEqual(1350L + new SlotConfig().Detect.QuietUs, r.At(0).ReportUs);
        }

        [TestMethod]
        public void BounceEdgesAndSpanAreMeasured()
        {
            long[] table = new long[] { 1000, D, 1, 1200, D, 0, 1350, D, 1, 700000, D, 0 };
            EventRecorder r = CoreHarness.RunAll(table);
            InsertionRecord rec = r.Record(0);
            Assert.AreEqual(3, rec.DetectBounces);
            Assert.AreEqual(350L, rec.DetectBounceSpanUs);
        }

        [TestMethod]
        [DataRow(30L, false)]
        [DataRow(99L, false)]
        [DataRow(100L, true)]
        [DataRow(400L, true)]
        public void PulsesShorterThanTheGlitchWindowAreIgnored(long widthUs, bool passes)
        {
            SlotConfig config = new SlotConfig();
            SlotCore core = new SlotCore(config);
            EventRecorder r = new EventRecorder();
            core.AddSink(r);
            core.OnEdge(SlotLine.Detect, 1, 5000);
            core.OnEdge(SlotLine.Detect, 0, 5000 + widthUs);
            core.Advance(1000000);
            // A pulse that passes is a burst that ends where it began: noise, never an insertion.
            Assert.AreEqual(0, r.CountOf(EventCode.CardInserted));
            Assert.AreEqual(passes ? 1 : 0, r.CountOf(EventCode.LineNoise));
            Assert.AreEqual(passes ? 0L : 1L, core.Line(SlotLine.Detect).Glitches);
        }

        [TestMethod]
        public void GlitchInsideABounceCountsAsTwoBounceEdges()
        {
            long[] table = new long[] { 1000, D, 1, 1300, D, 0, 1330, D, 1, 700000, D, 0 };
            EventRecorder r = CoreHarness.RunAll(table);
            Assert.AreEqual(3, r.Record(0).DetectBounces);
            Assert.AreEqual(330L, r.Record(0).DetectBounceSpanUs);
        }

        [TestMethod]
        public void BurstThatReturnsToItsLevelIsNoiseNotAnInsertion()
        {
            long[] table = new long[] { 1000, D, 1, 1500, D, 0 };
            EventRecorder r = CoreHarness.Expect("line_noise@1000", table);
            Assert.AreEqual(D, r.At(0).Detail1);
            Assert.AreEqual(2L, r.At(0).Detail2);
        }

        [TestMethod]
        public void LineThatNeverSettlesIsReportedAsChatterOnce()
        {
            long[] table = new long[120];
            for (int i = 0; i < 40; i++)
            {
                table[i * 3] = 1000 + i * 1000;
                table[i * 3 + 1] = D;
                table[i * 3 + 2] = (i % 2 == 0) ? 1 : 0;
            }
            EventRecorder r = CoreHarness.Run(table, Schedule.OnTime);
            Assert.AreEqual(0, r.CountOf(EventCode.LineChatter), "40 ms of chatter is under the 50 ms limit");

            long[] longer = new long[300];
            for (int i = 0; i < 100; i++)
            {
                longer[i * 3] = 1000 + i * 1000;
                longer[i * 3 + 1] = D;
                longer[i * 3 + 2] = (i % 2 == 0) ? 1 : 0;
            }
            r = CoreHarness.RunAll(longer, new SlotConfig());
            Assert.AreEqual(1, r.CountOf(EventCode.LineChatter));
            Assert.AreEqual(50000L, r.First(EventCode.LineChatter).ReportUs - r.First(EventCode.LineChatter).TimeUs);
        }

        [TestMethod]
        public void RepeatedLevelIsNotAnEdge()
        {
            long[] table = new long[] { 1000, D, 1, 1500, D, 1, 2000, D, 1 };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000", table);
        }

        [TestMethod]
        public void GlitchAtABurstsStartIsKeptAsItsFirstEdges()
        {
            // Card #2 of examples/traces/three-insertions.edges.csv: its bounce opens with a 93 us pulse.
            long[] table = new long[] { 2665836, D, 1, 2665929, D, 0, 2666296, D, 1, 2666477, D, 0, 2666836, D, 1, 3439034, D, 0 };
            EventRecorder r = CoreHarness.RunAll(table);
            Assert.AreEqual(2665836L, r.Record(0).InsertedUs, "stamped at the burst's first edge");
            Assert.AreEqual(5, r.Record(0).DetectBounces);
            Assert.AreEqual(1000L, r.Record(0).DetectBounceSpanUs);
        }

        [TestMethod]
        public void LoneGlitchIsStillNothing()
        {
            long[] table = new long[] { 1000, D, 1, 1040, D, 0 };
            EventRecorder r = CoreHarness.Expect("", table);
        }
    }
}
