using PosSlot.Firmware.Console;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>Counter reset, cleaning, forced fallback and log clear: authenticated, logged, and timed where they must be.</summary>
    [TestClass]
    public class DestructiveCommandTests
    {
        const long Minute = 60L * 1000000;

        static ConsoleRig Failed()
        {
            ConsoleRig rig = new ConsoleRig(3);
            rig.Slot.LearnBaseline();
            InsertionShape never = InsertionShape.Healthy();
            never.NeverSeats = true;
            rig.Slot.Feed(never, 80);
            Assert.AreEqual(HealthState.Failed, rig.Slot.State);
            return rig;
        }

        [TestMethod]
        public void WithoutASessionEachIsRefusedAndTheRefusalLogged()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Feed(InsertionShape.Healthy(), 5);
            string[] commands = new string[] { "counters reset --replaced", "maintenance cleaned", "fallback force on", "log clear" };
            for (int i = 0; i < commands.Length; i++)
            {
                Assert.AreEqual(ErrorCode.AuthRequired.ToString(), ConsoleRig.Field(rig.Send(i + 1, commands[i]), "code"), commands[i]);
            }
            Assert.AreEqual(5L, rig.Slot.Fw.Counters.SlotInsertions);
            Assert.IsFalse(rig.Slot.Fallback.Enabled);
            Assert.AreEqual(0L, rig.Console.DestructiveRun);
            Assert.AreEqual(4, rig.Slot.Events.CountOf(EventCode.ConsoleAction));
            Assert.AreEqual((long)ErrorCode.AuthRequired, rig.Slot.Events.First(EventCode.ConsoleAction).Detail2);
        }

        [TestMethod]
        public void CountersResetNeedsReplacedAndKeepsTheBoardTotal()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Feed(InsertionShape.Healthy(), 5);
            rig.Login(1);
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Send(3, "counters reset"), "code"));
            string reply = rig.Send(4, "counters reset --replaced");
            Assert.AreEqual("0", ConsoleRig.Field(reply, "insertions_slot"));
            Assert.AreEqual("5", ConsoleRig.Field(reply, "insertions_board"));
            Assert.AreEqual(1, rig.Slot.Events.CountOf(EventCode.SlotReplaced));
            Assert.AreEqual((long)ConsoleAction.CountersReset, rig.Slot.Events.First(EventCode.ConsoleAction).Detail1);
        }

        [TestMethod]
        public void AReplayedDestructiveFrameNeverRunsTwice()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Feed(InsertionShape.Healthy(), 5);
            rig.Login(1);
            string first = rig.Send(7, "counters reset --replaced");
            rig.Slot.Feed(InsertionShape.Healthy(), 2);
            string again = rig.Send(7, "counters reset --replaced");
            Assert.AreEqual(first, again);
            Assert.AreEqual(1L, rig.Slot.Fw.Counters.Replacements);
            Assert.AreEqual(2L, rig.Slot.Fw.Counters.SlotInsertions, "the second frame did not reset the new count");
            Assert.AreEqual(1L, rig.Console.DestructiveRun);
        }

        [TestMethod]
        public void ForcedFallbackRevertsByItselfAtExpiry()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            string reply = rig.Send(3, "fallback force on --minutes 5");
            Assert.AreEqual("engaged", ConsoleRig.Field(reply, "fallback"));
            Assert.AreEqual("300", ConsoleRig.Field(reply, "force_left_s"));
            Assert.IsTrue(rig.Slot.Fallback.Enabled);
            rig.T += 5 * Minute - 1;
            rig.Console.Poll(rig.T);
            Assert.IsTrue(rig.Slot.Fallback.Enabled);
            rig.T += 1;
            rig.Console.Poll(rig.T);
            Assert.IsFalse(rig.Slot.Fallback.Enabled, "a healthy slot goes back into use");
            Assert.AreEqual("auto", ConsoleRig.Field(rig.Send(4, "status"), "fallback_mode"));
        }

        [TestMethod]
        public void ForceMinutesAreOneToSixty()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Send(3, "fallback force on --minutes 61"), "code"));
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Send(4, "fallback force on --minutes 0"), "code"));
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Send(5, "fallback force sideways"), "code"));
            Assert.AreEqual("3600", ConsoleRig.Field(rig.Send(6, "fallback force on"), "force_left_s"), "60 minutes unless told");
            rig.T += 60 * Minute;
            rig.Console.Poll(rig.T);
            Assert.IsFalse(rig.Slot.Fallback.Enabled);
        }

        [TestMethod]
        public void ForcingOffKeepsAFailedSlotInUseUntilAutoGivesItBack()
        {
            ConsoleRig rig = Failed();
            Assert.IsTrue(rig.Slot.Fallback.Enabled);
            rig.Login(1);
            Assert.AreEqual("off", ConsoleRig.Field(rig.Send(3, "fallback force off --minutes 10"), "fallback"));
            Assert.IsFalse(rig.Slot.Fallback.Enabled);
            Assert.AreEqual("engaged", ConsoleRig.Field(rig.Send(4, "fallback force auto"), "fallback"));
            Assert.IsTrue(rig.Slot.Fallback.Enabled, "the slot is still failed");
        }

        [TestMethod]
        public void MaintenanceCleanedStartsTheProbation()
        {
            ConsoleRig rig = Failed();
            rig.Login(1);
            rig.Send(3, "maintenance cleaned");
            Assert.AreEqual(1, rig.Slot.Events.CountOf(EventCode.SlotCleaned));
        }

        [TestMethod]
        public void LogClearEmptiesTheLogAndLogsThatItDid()
        {
            ConsoleRig rig = Failed();
            rig.Login(1);
            long before = rig.Slot.Fw.Log.Count;
            Assert.AreEqual(before.ToString(), ConsoleRig.Field(rig.Send(3, "log clear"), "cleared"));
            EventLogShows(rig, EventCode.LogCleared);
            EventLogShows(rig, EventCode.ConsoleAction);
        }

        static void EventLogShows(ConsoleRig rig, int code)
        {
            bool found = false;
            for (int i = 0; i < rig.Slot.Fw.Log.Count && !found; i++)
            {
                found = rig.Slot.Fw.Log.CodeAt(i) == code;
            }
            Assert.IsTrue(found, EventCode.Name(code) + " not in the log");
        }
    }
}
