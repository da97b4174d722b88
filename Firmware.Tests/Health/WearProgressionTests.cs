using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    /// <summary>
    /// Seeded wear progressions: each fault class is flagged, as that class, within a bounded
    /// number of insertions after onset, and nothing else is flagged first.
    /// </summary>
    [TestClass]
    public class WearProgressionTests
    {
        const int Onset = 300;

        static void AssertFirstFlag(Rig rig, int fault, int reason, long withinInsertions)
        {
            RecordedEvent flag = EventQuery.FirstFlag(rig.Events);
            Assert.IsNotNull(flag, "no flag raised");
            Assert.AreEqual(FaultClass.Name(fault), FaultClass.Name((int)flag.Detail1), "first flag's class");
            Assert.AreEqual(ReasonCode.Name(reason), ReasonCode.Name(EventQuery.Reason(flag)), "first flag's reason");
            Assert.IsTrue(flag.InsertionIndex > Onset, "flag raised before onset, at " + flag.InsertionIndex.ToString());
            Assert.IsTrue(flag.InsertionIndex <= Onset + withinInsertions, "flag raised at insertion " + flag.InsertionIndex.ToString());
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void GrowingContactBounceIsContactWear(int seed)
        {
            Rig rig = new Rig(seed);
            rig.Feed(InsertionShape.Healthy(), Onset);
            InsertionShape s = InsertionShape.Healthy();
            for (int i = 0; i < 1000; i++)
            {
                s.ContactSpanUs = 2000 + 3500L * i / 1000; // ~2 ms new to ~5.5 ms worn
                rig.Feed(s, 1);
            }
            AssertFirstFlag(rig, FaultClass.ContactWear, ReasonCode.ContactBounceSpan, 450);
            Assert.IsNotNull(EventQuery.FirstFlag(rig.Events, FaultClass.ContactWear, HealthState.Degraded), "worn contacts reach Degraded");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void GrowingSeatDelayIsALooseSpring(int seed)
        {
            Rig rig = new Rig(seed);
            rig.Feed(InsertionShape.Healthy(), Onset);
            InsertionShape s = InsertionShape.Healthy();
            for (int i = 0; i < 1000; i++)
            {
                s.SeatDelayUs = 100000 + 100000L * i / 1000;
                rig.Feed(s, 1);
            }
            AssertFirstFlag(rig, FaultClass.LooseSpring, ReasonCode.SeatDelay, 500);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void CardsThatStopSeatingAreALooseSpringThatFails(int seed)
        {
            Rig rig = new Rig(seed);
            rig.Feed(InsertionShape.Healthy(), Onset);
            InsertionShape never = InsertionShape.Healthy();
            never.NeverSeats = true;
            for (int i = 0; i < 300; i++)
            {
                rig.Feed(rig.Rnd.Next(10) < 6 ? never : InsertionShape.Healthy(), 1);
            }
            AssertFirstFlag(rig, FaultClass.LooseSpring, ReasonCode.NeverSeatedRate, 80);
            Assert.AreEqual(HealthState.Failed, rig.State);
            Assert.IsTrue(rig.Fallback.Enabled, "fallback engaged");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void MicroInterruptionsAreIntermittentContact(int seed)
        {
            Rig rig = new Rig(seed);
            rig.Feed(InsertionShape.Healthy(), Onset);
            InsertionShape dirty = InsertionShape.Healthy();
            dirty.Interruptions = 2;
            for (int i = 0; i < 200; i++)
            {
                rig.Feed(rig.Rnd.Next(2) == 0 ? dirty : InsertionShape.Healthy(), 1);
            }
            AssertFirstFlag(rig, FaultClass.IntermittentContact, ReasonCode.InterruptionRate, 40);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void FailingReadsAreReadFailures(int seed)
        {
            Rig rig = new Rig(seed);
            InsertionShape ok = InsertionShape.Healthy();
            ok.ReportReads = true;
            rig.Feed(ok, Onset);
            InsertionShape failing = InsertionShape.Healthy();
            failing.ReportReads = true;
            failing.FailedReads = 1;
            for (int i = 0; i < 200; i++)
            {
                rig.Feed(rig.Rnd.Next(10) < 4 ? failing : ok, 1);
            }
            AssertFirstFlag(rig, FaultClass.ReadFailures, ReasonCode.ReadFailureRate, 40);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void RateHoveringAtItsThresholdDoesNotFlap(int seed)
        {
            Rig rig = new Rig(seed);
            rig.Feed(InsertionShape.Healthy(), Onset);
            InsertionShape dirty = InsertionShape.Healthy();
            dirty.Interruptions = 1;
            for (int i = 0; i < 3000; i++)
            {
                // About 6 % of cards, right at the Watch threshold.
                rig.Feed(rig.Rnd.Next(100) < 6 ? dirty : InsertionShape.Healthy(), 1);
            }
            int raised = rig.Events.FlagsRaised(FaultClass.IntermittentContact);
            Assert.IsTrue(raised >= 1, "flagged");
            Assert.IsTrue(raised <= 4, "raised " + raised.ToString() + " times in 3000 cards");
        }

        [TestMethod]
        public void RatedLifeWarnsEarlyThenSaysExceeded()
        {
            HealthSettings settings = new HealthSettings();
            settings.RatedCycles = 200;
            Rig rig = new Rig(1, settings);
            rig.Feed(InsertionShape.Healthy(), 179);
            Assert.AreEqual(HealthState.Healthy, rig.State);
            rig.Feed(InsertionShape.Healthy(), 1);
            Assert.AreEqual(HealthState.Watch, rig.State, "90% of rated life");
            Assert.AreEqual(ReasonCode.RatedLifeNear, rig.Fw.Health.Reason(FaultClass.RatedLife));
            rig.Feed(InsertionShape.Healthy(), 20);
            Assert.AreEqual(HealthState.Degraded, rig.State, "rated life reached");
            Assert.AreEqual(ReasonCode.RatedLifeExceeded, rig.Fw.Health.Reason(FaultClass.RatedLife));
        }
    }
}
