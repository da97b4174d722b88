using System;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Events
{
    [TestClass]
    public class EventLogTests
    {
        [TestMethod]
        public void FullLogKeepsTheNewestAndCountsWhatItDropped()
        {
            EventLog log = new EventLog(4);
            for (int i = 1; i <= 10; i++)
            {
                log.Append(EventCode.LineNoise, i * 100, 0, i, 0);
            }
            Assert.AreEqual(4, log.Count);
            Assert.AreEqual(6L, log.Dropped);
            Assert.AreEqual(7L, log.IdAt(0));
            Assert.AreEqual(700L, log.TimeAt(0));
            Assert.AreEqual(10L, log.IdAt(3));
            Assert.AreEqual(10L, log.Detail1At(3));
        }

        [TestMethod]
        public void RoutineLifecycleEventsAreNotLogged()
        {
            Rig rig = new Rig(1);
            rig.Feed(InsertionShape.Healthy(), 5);
            Assert.AreEqual(0, rig.Fw.Log.Count, "five normal cards leave nothing to log");
            InsertionShape s = InsertionShape.Healthy();
            s.Interruptions = 1;
            rig.Feed(s, 1);
            Assert.AreEqual(EventCode.Name(EventCode.ContactRestored), EventCode.Name(rig.Fw.Log.CodeAt(rig.Fw.Log.Count - 1)));
            Assert.AreEqual(6L, rig.Fw.Log.InsertionAt(rig.Fw.Log.Count - 1));
        }

        [TestMethod]
        public void ClearKeepsIdsGoingAndLogsItself()
        {
            EventLog log = new EventLog(8);
            log.Append(EventCode.LineNoise, 1, 0, 0, 0);
            log.Append(EventCode.LineNoise, 2, 0, 0, 0);
            log.Clear(50);
            Assert.AreEqual(1, log.Count);
            Assert.AreEqual(EventCode.LogCleared, log.CodeAt(0));
            Assert.AreEqual(3L, log.IdAt(0));
            Assert.AreEqual(2L, log.Detail1At(0), "how many entries were cleared");
        }

        [TestMethod]
        public void ReadingPastTheEndIsAnError()
        {
            EventLog log = new EventLog(2);
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { log.IdAt(0); });
        }
    }
}
