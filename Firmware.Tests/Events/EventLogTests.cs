using System;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Events
{
    [TestClass]
    public class EventLogTests
    {
        [TestMethod]
        public void RoutineEventsAreCountedAndNeverEvictAMilestone()
        {
            EventLog log = new EventLog(4);
            log.Append(EventCode.HealthChanged, 100, 10, HealthDetail.Move(0, HealthState.Healthy, HealthState.Watch), 1);
            log.Append(EventCode.FallbackEngaged, 200, 20, 0, 1);
            for (int i = 1; i <= 10000; i++)
            {
                log.Append(EventCode.ContactRestored, 1000 + i, 20 + i, 50, 1);
                log.Append(EventCode.ReadFailed, 2000 + i, 20 + i, 1, 0);
            }
            Assert.AreEqual(2, log.Count);
            Assert.AreEqual(0L, log.Dropped);
            Assert.AreEqual(EventCode.HealthChanged, log.CodeAt(0));
            Assert.AreEqual(EventCode.FallbackEngaged, log.CodeAt(1));
            Assert.AreEqual(10000L, log.RoutineCount(EventCode.ContactRestored));
            Assert.AreEqual(11000L, log.RoutineLastUs(EventCode.ContactRestored));
            Assert.AreEqual(10020L, log.RoutineLastInsertion(EventCode.ContactRestored));
            Assert.AreEqual(10000L, log.RoutineCount(EventCode.ReadFailed));
            Assert.AreEqual(3L, log.NextId, "routine events take no id");
            log.Append(EventCode.FlagRaised, 20000, 10100, 1, 0);
            Assert.AreEqual(0L, log.RoutineCount(EventCode.ContactRestored), "counted per period: since the newest milestone");
            Assert.AreEqual(3L, log.IdAt(2));
        }

        [TestMethod]
        public void AFullHistoryDropsReannouncementsBeforeChanges()
        {
            EventLog log = new EventLog(4);
            log.Append(EventCode.HealthChanged, 1, 1, 0, 0);
            log.Append(EventCode.StoreRecovered, 2, 1, 5, 0);
            log.Append(EventCode.FallbackEngaged, 3, 1, -1, ReasonCode.RestoredAtBoot);
            log.Append(EventCode.FallbackReleased, 4, 1, 0, 0);
            log.Append(EventCode.HealthChanged, 5, 2, 0, 0);
            log.Append(EventCode.HealthChanged, 6, 3, 0, 0);
            Assert.AreEqual(2L, log.Dropped);
            Assert.AreEqual(1L, log.IdAt(0), "the oldest change stays while a reminder can go");
            Assert.AreEqual(4L, log.IdAt(1));
            Assert.AreEqual(5L, log.IdAt(2));
            Assert.AreEqual(6L, log.IdAt(3));
            log.Append(EventCode.SlotCleaned, 7, 3, 0, 0);
            Assert.AreEqual(3L, log.Dropped);
            Assert.AreEqual(4L, log.IdAt(0), "only changes left: the oldest goes");
            Assert.AreEqual(7L, log.IdAt(3));
        }

        [TestMethod]
        public void FlappingFlagsGoBeforeHealthChanges()
        {
            EventLog log = new EventLog(4);
            log.Append(EventCode.HealthChanged, 1, 1, 0, 0);
            log.Append(EventCode.FallbackEngaged, 2, 1, 0, 1);
            for (int i = 0; i < 1000; i++)
            {
                log.Append(i % 2 == 0 ? EventCode.FlagRaised : EventCode.FlagCleared, 10 + i, 2 + i, 3, 0);
            }
            Assert.AreEqual(EventCode.HealthChanged, log.CodeAt(0));
            Assert.AreEqual(EventCode.FallbackEngaged, log.CodeAt(1));
            Assert.AreEqual(1002L, log.IdAt(3), "the newest flag move is kept");
            Assert.AreEqual(998L, log.Dropped);
        }

        [TestMethod]
        public void ARoutineRunOfCardsAndInterruptionsLeavesOnlyCounts()
        {
            Rig rig = new Rig(1);
            rig.Feed(InsertionShape.Healthy(), 5);
            Assert.AreEqual(0, rig.Fw.Log.Count, "five normal cards leave nothing in the history");
            Assert.AreEqual(0L, rig.Fw.Log.RoutineCount(EventCode.CardInserted), "a card's lifecycle is in the counters");
            InsertionShape s = InsertionShape.Healthy();
            s.Interruptions = 1;
            rig.Feed(s, 1);
            Assert.AreEqual(0, rig.Fw.Log.Count);
            Assert.AreEqual(1L, rig.Fw.Log.RoutineCount(EventCode.ContactRestored));
            Assert.AreEqual(6L, rig.Fw.Log.RoutineLastInsertion(EventCode.ContactRestored));
        }

        [TestMethod]
        public void ARefusedCommandIsCountedAndARunOneIsAMilestone()
        {
            EventLog log = new EventLog(8);
            log.Append(EventCode.ConsoleAction, 1, 0, 7, 7);
            Assert.AreEqual(0, log.Count);
            Assert.AreEqual(1L, log.RoutineCount(EventCode.ConsoleAction));
            log.Append(EventCode.ConsoleAction, 2, 0, 7, 0);
            Assert.AreEqual(1, log.Count);
        }

        [TestMethod]
        public void ClearKeepsIdsGoingAndLogsItself()
        {
            EventLog log = new EventLog(8);
            log.Append(EventCode.FlagRaised, 1, 0, 0, 0);
            log.Append(EventCode.FlagCleared, 2, 0, 0, 0);
            log.Append(EventCode.ContactRestored, 3, 0, 0, 0);
            log.Clear(50);
            Assert.AreEqual(1, log.Count);
            Assert.AreEqual(EventCode.LogCleared, log.CodeAt(0));
            Assert.AreEqual(3L, log.IdAt(0));
            Assert.AreEqual(2L, log.Detail1At(0), "how many milestones were cleared");
            Assert.AreEqual(0L, log.RoutineCount(EventCode.ContactRestored));
        }

        [TestMethod]
        public void TheHistoryAndItsCountsRoundTripThroughTheSnapshotFormat()
        {
            EventLog log = new EventLog(4);
            for (int i = 0; i < 6; i++)
            {
                log.Append(EventCode.HealthChanged, 1000000000L * i, 60000 + i, HealthDetail.Move(2, 1, 3), 4);
            }
            log.Append(EventCode.ContactRestored, 7000000000L, 70000, 1, 2);
            log.Append(EventCode.ContactRestored, 8000000000L, 70001, 1, 2);
            ByteWriter w = new ByteWriter(1024);
            log.SaveState(w);
            EventLog back = new EventLog(4);
            ByteReader r = new ByteReader(w.Buffer, 0, w.Position);
            back.LoadState(r);
            Assert.IsFalse(r.Failed);
            Assert.AreEqual(0, r.Remaining);
            Assert.AreEqual(log.Count, back.Count);
            Assert.AreEqual(log.NextId, back.NextId);
            Assert.AreEqual(2L, back.Dropped);
            for (int i = 0; i < log.Count; i++)
            {
                Assert.AreEqual(log.IdAt(i), back.IdAt(i));
                Assert.AreEqual(log.TimeAt(i), back.TimeAt(i));
                Assert.AreEqual(log.InsertionAt(i), back.InsertionAt(i));
                Assert.AreEqual(log.Detail1At(i), back.Detail1At(i));
            }
            Assert.AreEqual(2L, back.RoutineCount(EventCode.ContactRestored));
            Assert.AreEqual(8000000000L, back.RoutineLastUs(EventCode.ContactRestored));
            Assert.AreEqual(70001L, back.RoutineLastInsertion(EventCode.ContactRestored));
        }

        [TestMethod]
        public void AVersion1LogBecomesHistoryAndCounts()
        {
            // The version-1 snapshot's log: next id, dropped, n, then n fixed-width entries.
            ByteWriter w = new ByteWriter(1024);
            w.Long(40);
            w.Long(3);
            w.Int(3);
            V1Entry(w, 30, EventCode.ContactRestored, 500);
            V1Entry(w, 31, EventCode.HealthChanged, 510);
            V1Entry(w, 39, EventCode.ReadFailed, 520);
            EventLog log = new EventLog(8);
            ByteReader r = new ByteReader(w.Buffer, 0, w.Position);
            log.LoadVersion1(r);
            Assert.IsFalse(r.Failed);
            Assert.AreEqual(1, log.Count);
            Assert.AreEqual(31L, log.IdAt(0), "a milestone keeps its id");
            Assert.AreEqual(1L, log.RoutineCount(EventCode.ReadFailed), "only what followed the newest milestone");
            Assert.AreEqual(40L, log.NextId);
        }

        static void V1Entry(ByteWriter w, long id, int code, long insertion)
        {
            w.Long(id);
            w.Long(insertion * 1000);
            w.Int(code);
            w.Long(insertion);
            w.Long(1);
            w.Long(2);
        }

        [TestMethod]
        public void ReadingPastTheEndIsAnError()
        {
            EventLog log = new EventLog(2);
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { log.IdAt(0); });
        }
    }
}
