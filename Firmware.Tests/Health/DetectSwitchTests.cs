using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    [TestClass]
    public class DetectSwitchTests
    {
        /// <summary>A learned slot; one card seats and leaves, and detect never lets go: stuck 5 s later.</summary>
        static Rig StuckUnderACard()
        {
            Rig rig = new Rig(1);
            rig.LearnBaseline();
            SlotCore core = rig.Fw.Core;
            core.OnEdge(SlotLine.Detect, 1, rig.T);
            core.OnEdge(SlotLine.Contact, 1, rig.T + 100000);
            core.OnEdge(SlotLine.Contact, 0, rig.T + 500000);
            core.Advance(rig.T + 6000000);
            return rig;
        }

        [TestMethod]
        public void StuckDetectFailsTheSlotAndEngagesFallbackAtOnce()
        {
            Rig rig = StuckUnderACard();
            RecordedEvent stuck = rig.Events.First(EventCode.DetectStuck);
            RecordedEvent engaged = rig.Events.First(EventCode.FallbackEngaged);
            Assert.IsNotNull(stuck);
            Assert.IsNotNull(engaged);
            Assert.AreEqual(stuck.ReportUs, engaged.ReportUs, "fallback engages in the same step that finds detect stuck");
            Assert.AreEqual(HealthState.Failed, rig.State);
            Assert.AreEqual(ReasonCode.DetectStuck, rig.Fw.Health.Reason(FaultClass.DetectSwitch));
            Assert.IsTrue(rig.Fallback.Enabled);
        }

        [TestMethod]
        public void CardLeftHalfInLooksStuckThenRecoversWhenItIsPulled()
        {
            Rig rig = new Rig(1);
            rig.LearnBaseline();
            SlotCore core = rig.Fw.Core;
            long t = rig.T;
            core.OnEdge(SlotLine.Detect, 1, t);            // pushed half in and left there
            core.Advance(t + 8000000);
            Assert.AreEqual(HealthState.Failed, rig.State, "the slot cannot tell yet: payments move at once");
            Assert.IsTrue(rig.Fallback.Enabled);
            core.OnEdge(SlotLine.Detect, 0, t + 9000000);  // the customer pulls it out: the switch works
            core.Advance(t + 9100000);
            Assert.IsNotNull(rig.Events.First(EventCode.DetectRecovered));
            Assert.AreEqual(HealthState.Healthy, rig.State);
            Assert.IsFalse(rig.Fallback.Enabled, "no technician needed for a working switch");
            Assert.AreEqual(ReasonCode.DetectRecovered, (int)rig.Events.First(EventCode.FallbackReleased).Detail2);
        }

        [TestMethod]
        public void StuckDetectThatLetCardsThroughStaysFailedWhenItLetsGo()
        {
            Rig rig = StuckUnderACard();
            SlotCore core = rig.Fw.Core;
            long t = rig.T;
            core.OnEdge(SlotLine.Contact, 1, t + 7000000);  // another card, seen on the contact alone
            core.OnEdge(SlotLine.Contact, 0, t + 7500000);
            core.OnEdge(SlotLine.Detect, 0, t + 9000000);   // the switch finally springs back
            core.Advance(t + 9100000);
            Assert.IsNull(rig.Events.First(EventCode.DetectRecovered), "a switch that missed a card is not recovered");
            Assert.AreEqual(HealthState.Failed, rig.State);
            Assert.IsTrue(rig.Fallback.Enabled);
        }

        [TestMethod]
        public void OneCardOnTheContactBeforeDetectIsAnEventNotAFlag()
        {
            Rig rig = new Rig(1);
            rig.LearnBaseline();
            InsertionShape noDetect = InsertionShape.Healthy();
            noDetect.NoDetect = true;
            rig.Feed(noDetect, 1);
            rig.Feed(InsertionShape.Healthy(), 49);
            Assert.AreEqual(1, rig.Events.CountOf(EventCode.ContactWithoutDetect));
            Assert.AreEqual(0, rig.Events.CountOf(EventCode.FlagRaised), "one card is not a rate");
            Assert.AreEqual(HealthState.Healthy, rig.State);
        }

        [TestMethod]
        public void TenInFiftyCardsOnTheContactAloneRaiseTheFlag()
        {
            Rig rig = new Rig(1);
            rig.LearnBaseline();
            InsertionShape noDetect = InsertionShape.Healthy();
            noDetect.NoDetect = true;
            for (int i = 0; i < 9; i++)
            {
                rig.Feed(noDetect, 1);
                rig.Feed(InsertionShape.Healthy(), 4);
            }
            Assert.AreEqual(HealthState.Healthy, rig.State, "9 in 45");
            rig.Feed(noDetect, 1);
            Assert.AreEqual(HealthState.Watch, rig.State, "10 in 46");
            Assert.AreEqual(FaultClass.DetectSwitch, rig.Fw.Health.StateFault);
            Assert.AreEqual(ReasonCode.ContactWithoutDetect, rig.Fw.Health.Reason(FaultClass.DetectSwitch));
            Assert.IsFalse(rig.Fallback.Enabled);
        }

        [TestMethod]
        public void DetectThatNeverAssertsFailsAfterThirtyContactOnlyCards()
        {
            Rig rig = new Rig(1);
            rig.LearnBaseline();
            InsertionShape noDetect = InsertionShape.Healthy();
            noDetect.NoDetect = true;
            rig.Feed(noDetect, 29);
            Assert.AreEqual(HealthState.Degraded, rig.State);
            rig.Feed(noDetect, 1);
            Assert.AreEqual(HealthState.Failed, rig.State);
            Assert.AreEqual(ReasonCode.ContactWithoutDetect, rig.Fw.Health.Reason(FaultClass.DetectSwitch));
            Assert.AreEqual(90L, rig.Insertions, "contact-only cards still count");
        }

        [TestMethod]
        public void DetectChatteringWithNoCardIsFlagged()
        {
            Rig rig = new Rig(1);
            rig.LearnBaseline();
            InsertionShape chatter = InsertionShape.Healthy();
            chatter.DetectNoiseAfter = 2;
            rig.Feed(chatter, 10);
            RecordedEvent flag = EventQuery.FirstFlag(rig.Events);
            Assert.IsNotNull(flag);
            Assert.AreEqual(FaultClass.Name(FaultClass.DetectSwitch), FaultClass.Name((int)flag.Detail1));
            Assert.AreEqual(ReasonCode.Name(ReasonCode.DetectChatter), ReasonCode.Name(EventQuery.Reason(flag)));
        }
    }
}
