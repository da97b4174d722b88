using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Slot
{
    /// <summary>
    /// Insertion lifecycle tables: raw edges on detect (D) and contact (C) in, slot events out,
    /// the same under every Advance schedule.
    /// </summary>
    [TestClass]
    public class SlotMonitorTests
    {
        const long D = SlotLine.Detect;
        const long C = SlotLine.Contact;
        const long R = SlotLine.ReaderFault;

        static readonly long[] s_normal = new long[]
        {
            1000, D, 1, 1200, D, 0, 1350, D, 1,
            100000, C, 1, 100150, C, 0, 100300, C, 1,
            600000, C, 0,
            700000, D, 0,
        };

        [TestMethod]
        public void NormalInsertionGivesTheLifecycleInOrder()
        {
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 card_seated@100000 transaction_interrupted@600000 card_removed@700000", s_normal);
        }

        [TestMethod]
        public void NormalInsertionIsMeasured()
        {
            InsertionRecord rec = CoreHarness.RunAll(s_normal).Record(0);
            Assert.AreEqual(1L, rec.Index);
            Assert.AreEqual(1000L, rec.InsertedUs);
            Assert.AreEqual(100000L, rec.SeatedUs);
            Assert.AreEqual(700000L, rec.RemovedUs);
            Assert.AreEqual(99000L, rec.SeatDelayUs);
            Assert.AreEqual(3, rec.ContactBounces);
            Assert.AreEqual(300L, rec.ContactBounceSpanUs);
            Assert.AreEqual(0, rec.Interruptions);
            Assert.AreEqual(0, rec.Flags);
        }

        [TestMethod]
        public void ContactLossWhileSeatedIsAnInterruptionWithItsDuration()
        {
            long[] table = new long[]
            {
                1000, D, 1, 100000, C, 1,
                300000, C, 0, 300500, C, 1,
                600000, C, 0, 700000, D, 0,
            };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 card_seated@100000 transaction_interrupted@300000 contact_restored@300500 transaction_interrupted@600000 card_removed@700000", table);
            Assert.AreEqual(500L, r.First(EventCode.ContactRestored).Detail1);
            Assert.AreEqual(1, r.Record(0).Interruptions);
            Assert.AreEqual(500L, r.Record(0).InterruptedUs);
        }

        [TestMethod]
        public void ChatterWithinTheSettleWindowIsBounceNotInterruption()
        {
            long[] table = new long[]
            {
                1000, D, 1, 100000, C, 1,
                110000, C, 0, 110300, C, 1,
                600000, C, 0, 700000, D, 0,
            };
            EventRecorder r = CoreHarness.RunAll(table);
            Assert.AreEqual(0, r.CountOf(EventCode.ContactRestored));
            Assert.AreEqual(0, r.Record(0).Interruptions);
            Assert.AreEqual(3, r.Record(0).ContactBounces);
            Assert.AreEqual(10300L, r.Record(0).ContactBounceSpanUs);
        }

        [TestMethod]
        public void ContactThatSettlesBeforeALongDetectBounceStillFollowsIt()
        {
            // Detect bounces until 5.1 ms; contact closes cleanly at 3 ms and settles first.
            long[] table = new long[]
            {
                0, D, 1, 1500, D, 0, 1700, D, 1, 3000, C, 1, 3200, D, 0, 3400, D, 1, 4900, D, 0, 5100, D, 1,
                600000, C, 0, 700000, D, 0,
            };
            EventRecorder r = CoreHarness.Expect("card_inserted@0 card_seated@3000 transaction_interrupted@600000 card_removed@700000", table);
            Assert.AreEqual(0, r.CountOf(EventCode.ContactWithoutDetect));
        }

        [TestMethod]
        public void SimultaneousEdgesFollowTheSlotsPhysicalOrder()
        {
            // Contact wired to follow detect (detect-only boards): same instants, both directions.
            long[] table = new long[] { 1000, C, 1, 1000, D, 1, 500000, D, 0, 500000, C, 0 };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 card_seated@1000 transaction_interrupted@500000 card_removed@500000", table);
            Assert.AreEqual(0, r.Record(0).Flags);
        }

        [TestMethod]
        public void HalfInsertionIsCountedAndMarkedNeverSeated()
        {
            long[] table = new long[] { 1000, D, 1, 500000, D, 0 };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 card_removed@500000", table);
            Assert.AreEqual(InsertionFlags.NeverSeated, r.Record(0).Flags);
            Assert.AreEqual(InsertionRecord.None, r.Record(0).SeatDelayUs);
        }

        [TestMethod]
        public void ContactWithoutDetectIsCountedAndFlagged()
        {
            long[] table = new long[] { 1000, C, 1, 500000, C, 0 };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 contact_without_detect@1000 card_seated@1000 card_removed@500000", table);
            Assert.AreEqual(InsertionFlags.ContactWithoutDetect, r.Record(0).Flags);
        }

        [TestMethod]
        public void DetectReleasingBeforeContactIsTheWrongOrder()
        {
            long[] table = new long[] { 1000, D, 1, 100000, C, 1, 600000, D, 0, 700000, C, 0 };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 card_seated@100000 wrong_removal_order@600000 card_removed@600000", table);
            Assert.AreEqual(InsertionFlags.WrongRemovalOrder, r.Record(0).Flags);
        }

        [TestMethod]
        public void DetectThatNeverReleasesIsStuckAndContactAloneCountsLaterCards()
        {
            long[] table = new long[]
            {
                1000, D, 1, 100000, C, 1, 600000, C, 0,
                20000000, C, 1, 20500000, C, 0,
                40000000, C, 1, 40500000, C, 0,
            };
            EventRecorder r = CoreHarness.RunAll(table);
            Assert.AreEqual(
                "card_inserted@1000 card_seated@100000 transaction_interrupted@600000 detect_stuck@5600000 card_removed@600000"
                + " card_inserted@20000000 card_seated@20000000 card_removed@20500000"
                + " card_inserted@40000000 card_seated@40000000 card_removed@40500000",
                r.Describe());
            Assert.AreEqual(3, r.RemovedCount);
            Assert.AreEqual(InsertionFlags.DetectStuck, r.Record(1).Flags);
        }

        [TestMethod]
        public void ContactReclosingAfterAHumanGapWithDetectHeldIsANewCard()
        {
            // Detect hangs under the first card; the next customer re-seats 300 ms later, then detect lets go.
            long[] table = new long[] { 1000, D, 1, 100000, C, 1, 500000, C, 0, 800000, C, 1, 1200000, C, 0, 1300000, D, 0 };
            EventRecorder r = CoreHarness.Expect(
                "card_inserted@1000 card_seated@100000 transaction_interrupted@500000 card_removed@500000"
                + " card_inserted@800000 card_seated@800000 transaction_interrupted@1200000 card_removed@1300000",
                table);
            Assert.AreEqual(0, r.Record(0).Interruptions, "the gap was a card leaving, not an interruption");
            Assert.AreEqual(InsertionFlags.Reseated, r.Record(1).Flags);
            Assert.AreEqual(0L, r.Record(1).SeatDelayUs, "no detect edge to measure from");
        }

        [TestMethod]
        public void DetectAssertedWithNoCardSeatingIsStuckAfterTheTimeout()
        {
            SlotConfig config = new SlotConfig();
            config.Monitor.DetectReleaseTimeoutUs = 500000;
            long[] table = new long[] { 1000, D, 1 };
            // The card may be half in: it stays open (CardHeldHalfIn... below) while the slot is judged stuck.
            CoreHarness.Expect("card_inserted@1000 detect_stuck@501000", table, config);
        }

        [TestMethod]
        public void ContactLossLongerThanTheQuietWindowIsReportedAsItOpens()
        {
            long[] table = new long[]
            {
                1000, D, 1, 100000, C, 1,
                300000, C, 0, 310000, C, 1,
                600000, C, 0, 700000, D, 0,
            };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 card_seated@100000 transaction_interrupted@300000 contact_restored@310000 transaction_interrupted@600000 card_removed@700000", table);
            Assert.AreEqual(300000L + new SlotConfig().Contact.QuietUs, r.First(EventCode.TransactionInterrupted).ReportUs, "reported one quiet window after the contact opened");
            Assert.AreEqual(10000L, r.Record(0).InterruptedUs);
        }

        [TestMethod]
        public void SettlingOpenLongerThanTheQuietWindowIsStillBounce()
        {
            long[] table = new long[]
            {
                1000, D, 1, 100000, C, 1,
                110000, C, 0, 115000, C, 1,
                600000, C, 0, 700000, D, 0,
            };
            EventRecorder r = CoreHarness.RunAll(table);
            Assert.AreEqual(0, r.Record(0).Interruptions);
            Assert.AreEqual(3, r.Record(0).ContactBounces);
            Assert.AreEqual(15000L, r.Record(0).ContactBounceSpanUs);
        }

        [TestMethod]
        public void ReaderFaultDuringAnInsertionIsChargedToIt()
        {
            long[] table = new long[] { 1000, D, 1, 100000, C, 1, 200000, R, 1, 250000, R, 0, 600000, C, 0, 700000, D, 0 };
            EventRecorder r = CoreHarness.RunAll(table);
            Assert.AreEqual(1L, r.First(EventCode.ReaderFaultAsserted).InsertionIndex);
            Assert.AreEqual(1, r.Record(0).ReadFailures);
            Assert.AreEqual(InsertionFlags.ReaderFault, r.Record(0).Flags);
        }

        [TestMethod]
        public void InsertionsAreNumberedInOrder()
        {
            long[] table = new long[] { 1000, D, 1, 100000, C, 1, 600000, C, 0, 700000, D, 0, 2000000, D, 1, 2100000, C, 1, 2600000, C, 0, 2700000, D, 0 };
            EventRecorder r = CoreHarness.RunAll(table);
            Assert.AreEqual(2, r.RemovedCount);
            Assert.AreEqual(2L, r.Record(1).Index);
            Assert.AreEqual(2000000L, r.Record(1).InsertedUs);
        }

        [TestMethod]
        public void CardHeldHalfInPastTheStuckTimeoutIsRemovedWhenItIsPulled()
        {
            // Looks stuck at 5 s (the terminal must fall back), but the card is pulled at 6 s: that is its removal.
            long[] table = new long[] { 1000, D, 1, 6001000, D, 0 };
            EventRecorder r = CoreHarness.Expect("card_inserted@1000 detect_stuck@5001000 card_removed@6001000 detect_recovered@6001000", table);
            Assert.AreEqual(6001000L, r.Record(0).RemovedUs);
            Assert.AreEqual(InsertionFlags.NeverSeated | InsertionFlags.DetectStuck, r.Record(0).Flags);
        }
    }
}
