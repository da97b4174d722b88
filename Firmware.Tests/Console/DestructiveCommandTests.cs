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
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Act(3, "counters reset"), "code"));
            string reply = rig.Act(4, "counters reset --replaced");
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
            string first = rig.Act(7, "counters reset --replaced");
            rig.Slot.Feed(InsertionShape.Healthy(), 2);
            string again = rig.Act(7, "counters reset --replaced");
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
            string reply = rig.Act(3, "fallback force on --minutes 5");
            Assert.AreEqual("engaged", ConsoleRig.Field(reply, "fallback"));
            Assert.AreEqual("300", ConsoleRig.Field(reply, "force_left_s"));
            Assert.IsTrue(rig.Slot.Fallback.Enabled);
            rig.T += 5 * Minute - 1;
            rig.Console.Poll(rig.T);
            Assert.IsTrue(rig.Slot.Fallback.Enabled);
            rig.T += 1;
            rig.Console.Poll(rig.T);
            Assert.IsFalse(rig.Slot.Fallback.Enabled, "a healthy slot goes back into use");
            Assert.AreEqual("auto", ConsoleRig.Field(rig.Act(4, "status"), "fallback_mode"));
        }

        [TestMethod]
        public void ForceMinutesAreOneToSixty()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Act(3, "fallback force on --minutes 61"), "code"));
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Act(4, "fallback force on --minutes 0"), "code"));
            Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(rig.Act(5, "fallback force sideways"), "code"));
            Assert.AreEqual("3600", ConsoleRig.Field(rig.Act(6, "fallback force on"), "force_left_s"), "60 minutes unless told");
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
            Assert.AreEqual("off", ConsoleRig.Field(rig.Act(3, "fallback force off --minutes 10"), "fallback"));
            Assert.IsFalse(rig.Slot.Fallback.Enabled);
            Assert.AreEqual("engaged", ConsoleRig.Field(rig.Act(4, "fallback force auto"), "fallback"));
            Assert.IsTrue(rig.Slot.Fallback.Enabled, "the slot is still failed");
        }

        [TestMethod]
        public void MaintenanceCleanedStartsTheProbation()
        {
            ConsoleRig rig = Failed();
            rig.Login(1);
            rig.Act(3, "maintenance cleaned");
            Assert.AreEqual(1, rig.Slot.Events.CountOf(EventCode.SlotCleaned));
        }

        [TestMethod]
        public void LogClearEmptiesTheLogAndLogsThatItDid()
        {
            ConsoleRig rig = Failed();
            rig.Login(1);
            long before = rig.Slot.Fw.Log.Count;
            Assert.AreEqual(before.ToString(), ConsoleRig.Field(rig.Act(3, "log clear"), "cleared"));
            EventLogShows(rig, EventCode.LogCleared);
            EventLogShows(rig, EventCode.ConsoleAction);
        }

        [TestMethod]
        public void ATypedDestructiveCommandIsRefusedEvenInAnOpenSession()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            string seen = rig.Type("log clear");
            Assert.IsTrue(seen.IndexOf("error 7 (auth_required): a typed line cannot change the board: use posslot diag") >= 0, seen);
            seen = rig.Type("fallback force on --minutes 1");
            Assert.IsTrue(seen.IndexOf("use posslot diag") >= 0, seen);
            Assert.AreEqual(0L, rig.Console.DestructiveRun);
            Assert.IsFalse(rig.Slot.Fallback.Enabled);
        }

        [TestMethod]
        public void OnlyTheSessionsTagOverTheExactFrameRunsACommand()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            Assert.AreEqual(ErrorCode.BadTag.ToString(), ConsoleRig.Field(rig.Send(10, "fallback force on"), "code"), "untagged: another client on the line");
            byte[] otherKey = new byte[32];
            rig.Port.Clear();
            rig.Raw(ConsoleRig.TaggedFrame(11, "fallback force on", otherKey));
            Assert.AreEqual(ErrorCode.BadTag.ToString(), ConsoleRig.Field(rig.Port.FirstLine(), "code"), "a tag made with another key");
            byte[] oldSession = rig.SessionKey;
            rig.Login(12);
            rig.Port.Clear();
            rig.Raw(ConsoleRig.TaggedFrame(14, "fallback force on", oldSession));
            Assert.AreEqual(ErrorCode.BadTag.ToString(), ConsoleRig.Field(rig.Port.FirstLine(), "code"), "the previous session's key");
            Assert.AreEqual(0L, rig.Console.DestructiveRun);
            Assert.AreEqual("engaged", ConsoleRig.Field(rig.Act(15, "fallback force on"), "fallback"));
            rig.Send(16, "auth logout");
            Assert.AreEqual(ErrorCode.AuthRequired.ToString(), ConsoleRig.Field(rig.Act(17, "fallback force auto"), "code"), "after logout the key is void");
            Assert.AreEqual(1L, rig.Console.DestructiveRun);
        }

        [TestMethod]
        public void ARecordedTaggedFrameNeverRunsAgainNorAnOlderSeq()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            string frame = ConsoleRig.TaggedFrame(20, "log clear", rig.SessionKey);
            rig.Port.Clear();
            rig.Raw(frame);
            Assert.AreEqual(1L, rig.Console.DestructiveRun);
            for (int i = 0; i < 5; i++)
            {
                rig.Send(21 + i, "status"); // pushes seq 20 out of the 4-reply cache
            }
            rig.Port.Clear();
            rig.Raw(frame);
            Assert.AreEqual(ErrorCode.BadTag.ToString(), ConsoleRig.Field(rig.Port.FirstLine(), "code"));
            Assert.AreEqual(ErrorCode.BadTag.ToString(), ConsoleRig.Field(rig.Act(19, "maintenance cleaned"), "code"), "a seq below the session's last");
            Assert.AreEqual(1L, rig.Console.DestructiveRun);
        }

        [TestMethod]
        public void EveryBitFlippedInATaggedFrameWithItsCrcRedoneIsRefused()
        {
            // The CRC catches noise; the tag catches anyone who can recompute a CRC. Flip each bit of the
            // seq, command and tag, write a correct CRC for the result, and send it in an open session.
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            string frame = ConsoleRig.TaggedFrame(500, "log clear", rig.SessionKey);
            string inner = frame.Substring(1, frame.IndexOf('*') - 1);
            byte[] clean = System.Text.Encoding.UTF8.GetBytes(inner);
            int ran = 0;
            for (int bit = 0; bit < clean.Length * 8; bit++)
            {
                byte[] b = (byte[])clean.Clone();
                b[bit / 8] ^= (byte)(1 << (bit % 8));
                if (b[bit / 8] == 10 || b[bit / 8] == 13)
                {
                    continue; // a line end splits it into two lines: not one frame any more
                }
                byte[] line = new byte[b.Length + 8];
                line[0] = (byte)'$';
                System.Array.Copy(b, 0, line, 1, b.Length);
                string crc = "*" + Hex.Of(Crc16Xmodem.Compute(b, 0, b.Length), 4) + "\r\n";
                for (int k = 0; k < 7; k++)
                {
                    line[1 + b.Length + k] = (byte)crc[k];
                }
                long before = rig.Console.DestructiveRun;
                rig.Bytes(line);
                if (rig.Console.DestructiveRun > before)
                {
                    ran++;
                }
            }
            Assert.AreEqual(0, ran);
            // (seq 500 now has a cached refusal: a fresh seq for the frame as written.)
            Assert.AreEqual("0", ConsoleRig.Field(rig.Act(600, "log clear"), "cleared"));
            Assert.AreEqual(1L, rig.Console.DestructiveRun, "the frame as written runs");
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
