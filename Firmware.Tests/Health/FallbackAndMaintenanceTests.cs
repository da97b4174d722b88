using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    [TestClass]
    public class FallbackAndMaintenanceTests
    {
        static Rig FailedByNeverSeating()
        {
            Rig rig = new Rig(3);
            rig.LearnBaseline();
            InsertionShape never = InsertionShape.Healthy();
            never.NeverSeats = true;
            rig.Feed(never, 80);
            Assert.AreEqual(HealthState.Failed, rig.State);
            return rig;
        }

        static Rig FailedByInterruptions()
        {
            Rig rig = new Rig(4);
            rig.LearnBaseline();
            InsertionShape dirty = InsertionShape.Healthy();
            dirty.Interruptions = 1;
            rig.Feed(dirty, 80);
            Assert.AreEqual(HealthState.Failed, rig.State);
            Assert.IsTrue(rig.Fallback.Enabled);
            return rig;
        }

        [TestMethod]
        public void FallbackPersistsAcrossGoodInsertionsUntilMaintenance()
        {
            Rig rig = FailedByNeverSeating();
            rig.Feed(InsertionShape.Healthy(), 300);
            Assert.AreEqual(HealthState.Failed, rig.State, "Failed is latched");
            Assert.IsTrue(rig.Fallback.Enabled, "still on the external reader");
            Assert.AreEqual(1, rig.Events.CountOf(EventCode.FallbackEngaged));
            Assert.AreEqual(0, rig.Events.CountOf(EventCode.FallbackReleased));
        }

        [TestMethod]
        public void ReplacingTheSlotReleasesFallbackAndStartsItsCountsAgain()
        {
            Rig rig = FailedByNeverSeating();
            long board = rig.Fw.Counters.BoardInsertions;
            rig.Fw.SlotReplaced(rig.T);
            Assert.AreEqual(HealthState.Healthy, rig.State);
            Assert.IsFalse(rig.Fallback.Enabled);
            Assert.AreEqual(0L, rig.Fw.Counters.SlotInsertions);
            Assert.AreEqual(board, rig.Fw.Counters.BoardInsertions, "the board's total is kept");
            Assert.IsFalse(rig.Fw.Health.BaselineReady, "a new slot learns a new baseline");
            rig.Feed(InsertionShape.Healthy(), 5);
            Assert.AreEqual(board + 5, rig.Fw.Counters.BoardInsertions);
            Assert.AreEqual(5L, rig.Fw.Counters.SlotInsertions);
        }

        [TestMethod]
        public void CleaningDoesNotRepairAWornSpring()
        {
            Rig rig = FailedByNeverSeating();
            rig.Fw.SlotCleaned(rig.T);
            Assert.AreEqual(HealthState.Failed, rig.State);
            Assert.IsTrue(rig.Fallback.Enabled);
        }

        [TestMethod]
        public void CleaningClearsIntermittencyOnlyAfterCleanInsertionsProveIt()
        {
            Rig rig = FailedByInterruptions();
            rig.Fw.SlotCleaned(rig.T);
            Assert.IsTrue(rig.Fw.Health.InProbation(FaultClass.IntermittentContact));
            rig.Feed(InsertionShape.Healthy(), 19);
            Assert.AreEqual(HealthState.Failed, rig.State, "not proven yet");
            Assert.IsTrue(rig.Fallback.Enabled);
            rig.Feed(InsertionShape.Healthy(), 1);
            Assert.AreEqual(HealthState.Healthy, rig.State, "20 clean insertions prove it");
            Assert.IsFalse(rig.Fallback.Enabled);
            Assert.AreEqual(1, rig.Events.CountOf(EventCode.FallbackReleased));
        }

        [TestMethod]
        public void CleaningThatDidNotHelpKeepsTheSlotFailed()
        {
            Rig rig = FailedByInterruptions();
            rig.Fw.SlotCleaned(rig.T);
            InsertionShape dirty = InsertionShape.Healthy();
            dirty.Interruptions = 1;
            rig.Feed(InsertionShape.Healthy(), 5);
            rig.Feed(dirty, 1);
            rig.Feed(InsertionShape.Healthy(), 30);
            Assert.IsFalse(rig.Fw.Health.InProbation(FaultClass.IntermittentContact));
            Assert.AreEqual(HealthState.Failed, rig.State);
            Assert.IsTrue(rig.Fallback.Enabled);
        }

        [TestMethod]
        public void TechnicianForcedFallbackHoldsUntilReleasedAndNeverOverridesAFailure()
        {
            Rig rig = new Rig(8);
            rig.Fw.Fallback.Force(rig.T, rig.Insertions);
            Assert.IsTrue(rig.Fallback.Enabled);
            Assert.AreEqual((long)ReasonCode.ForcedByTechnician, rig.Events.First(EventCode.FallbackEngaged).Detail2);
            rig.Feed(InsertionShape.Healthy(), 10);
            Assert.IsTrue(rig.Fallback.Enabled, "a healthy slot does not undo a technician's choice");
            rig.Fw.Fallback.Unforce(rig.T, rig.Insertions, rig.State);
            Assert.IsFalse(rig.Fallback.Enabled);

            Rig failed = FailedByNeverSeating();
            failed.Fw.Fallback.Force(failed.T, failed.Insertions);
            failed.Fw.Fallback.Unforce(failed.T, failed.Insertions, failed.State);
            Assert.IsTrue(failed.Fallback.Enabled, "un-forcing does not release a failed slot");
        }

        [TestMethod]
        public void OneBadInsertionNeverFailsASlot()
        {
            Rig rig = new Rig(5);
            rig.LearnBaseline();
            InsertionShape awful = InsertionShape.Healthy();
            awful.ContactSpanUs = 30000;
            awful.ContactBounces = 41;
            awful.Interruptions = 5;
            awful.FailedReads = 3;
            awful.ReportReads = true;
            awful.SeatDelayUs = 900000;
            rig.Feed(awful, 1);
            Assert.IsTrue(rig.State < HealthState.Failed, "state " + HealthState.Name(rig.State));
            Assert.IsFalse(rig.Fallback.Enabled);
        }

        [TestMethod]
        public void TwoFailedReadsOnOneCardFallBackForThatTransaction()
        {
            Rig rig = new Rig(6);
            InsertionShape s = InsertionShape.Healthy();
            s.ReportReads = true;
            rig.Feed(s, 3);
            s.FailedReads = 2;
            rig.Feed(s, 1);
            RecordedEvent e = rig.Events.First(EventCode.FallbackForTransaction);
            Assert.IsNotNull(e);
            Assert.AreEqual(4L, e.InsertionIndex);
            Assert.AreEqual(1, rig.Events.CountOf(EventCode.FallbackForTransaction));
            Assert.IsFalse(rig.Fallback.Enabled, "a transaction fallback is not the slot's fallback");
        }

        [TestMethod]
        public void SeatedContactLossTellsTheTerminalAtOnce()
        {
            Rig rig = new Rig(7);
            InsertionShape s = InsertionShape.Healthy();
            s.Interruptions = 1;
            rig.Feed(s, 1);
            RecordedEvent e = rig.Events.First(EventCode.TransactionInterrupted);
            Assert.IsNotNull(e);
            Assert.AreEqual(1L, e.InsertionIndex);
            Assert.IsTrue(e.TimeUs < rig.Events.First(EventCode.CardRemoved).TimeUs, "before the card left");
        }
    }
}
