using PosSlot.Firmware.Console;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>The checked machine mode: frames, CRCs, the replay cache, seq-0 events, no echo.</summary>
    [TestClass]
    public class MachineConsoleTests
    {
        [TestMethod]
        public void ARequestGetsOneIntactJsonReplyWithItsSeqAndNoEcho()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Port.Clear();
            rig.Raw(ConsoleRig.Frame(5, "status"));
            string all = rig.Port.Text;
            Assert.AreEqual(0, all.IndexOf("$5 {\"ok\":true,\"data\":{\"health\":\"Healthy\""), all);
            Assert.AreEqual(all.Length - 2, all.IndexOf("\r\n"), "one line, no echo, no prompt");
            Assert.IsTrue(ConsoleRig.FrameIntact(rig.Port.FirstLine()));
        }

        [TestMethod]
        public void EveryCommandAnswersInMachineModeWithAnIntactFrame()
        {
            ConsoleRig rig = new ConsoleRig(2);
            rig.Slot.Feed(InsertionShape.Healthy(), 70);
            string[] commands = new string[] { "help", "help wear", "hello", "status", "counters", "wear", "events", "events --since 3 --limit 2", "advice", "advice zh", "selftest", "errors", "auth status", "auth logout" };
            for (int i = 0; i < commands.Length; i++)
            {
                string reply = rig.Send(100 + i, commands[i]);
                Assert.IsTrue(ConsoleRig.FrameIntact(reply), commands[i] + ": " + reply);
                Assert.AreEqual(100 + i, ConsoleRig.SeqOf(reply));
                Assert.IsTrue(reply.IndexOf(" {\"ok\":true,\"data\":{") > 0, commands[i] + ": " + reply);
            }
        }

        [TestMethod]
        public void WearGivesTheForecastRangeInInsertionsAndDaysUnderOneNameEach()
        {
            ConsoleRig rig = new ConsoleRig(2);
            rig.Slot.Feed(InsertionShape.Healthy(), 30);
            string wear = rig.Send(40, "wear");
            string[] keys = new string[] { "failed_in_insertions", "failed_in_low_insertions", "failed_in_high_insertions", "failed_in_days", "failed_in_low_days", "failed_in_high_days" };
            for (int i = 0; i < keys.Length; i++)
            {
                // Without a trend each is -1 (unknown), but each is there for a client to read.
                Assert.AreEqual("-1", ConsoleRig.Field(wear, keys[i]), keys[i] + " in " + wear);
            }
            Assert.IsTrue(wear.IndexOf("_days_days") < 0, "no unit written twice: " + wear);
        }

        [TestMethod]
        public void AWrongCrcIsNamedAndNeverExecuted()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Feed(InsertionShape.Healthy(), 3);
            string good = ConsoleRig.Frame(8, "read fail");
            string bad = good.Substring(0, good.Length - 6) + "0000\r\n";
            rig.Port.Clear();
            rig.Raw(bad);
            string reply = rig.Port.FirstLine();
            Assert.IsTrue(reply.IndexOf("$8 {\"ok\":false,\"err\":{\"code\":3,\"msg\":\"bad CRC 0000") == 0, reply);
            Assert.AreEqual(1L, rig.Console.CrcErrors);
            Assert.AreEqual(0, rig.Slot.Events.CountOf(EventCode.ReadFailed));
        }

        [TestMethod]
        public void ARepeatedSeqGetsTheCachedReplyWithoutRunningAgain()
        {
            ConsoleRig rig = new ConsoleRig(1);
            InsertionShape held = InsertionShape.Healthy();
            rig.Slot.Feed(held, 2);
            // A card in the slot for the read reports.
            rig.Slot.Fw.Core.OnEdge(SlotLine.Detect, 1, rig.T);
            rig.T += 500000;
            string first = rig.Send(20, "read fail");
            string again = rig.Send(20, "read fail");
            Assert.AreEqual(first, again);
            Assert.AreEqual(1, rig.Slot.Events.CountOf(EventCode.ReadFailed), "reported once");
            Assert.AreEqual(1L, rig.Console.RepliesReplayed);
            // After four other requests the seq is forgotten and runs as new.
            for (int i = 21; i <= 24; i++)
            {
                rig.Send(i, "hello");
            }
            rig.Send(20, "read fail");
            Assert.AreEqual(2, rig.Slot.Events.CountOf(EventCode.ReadFailed));
        }

        [TestMethod]
        public void ReadResultsNeedACardAndFeedTheReadFailureAnalysis()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string none = rig.Send(1, "read ok");
            Assert.AreEqual(ErrorCode.NoCard.ToString(), ConsoleRig.Field(none, "code"));
            rig.Slot.Fw.Core.OnEdge(SlotLine.Detect, 1, rig.T);
            rig.T += 500000;
            rig.Send(2, "read fail");
            string second = rig.Send(3, "read fail");
            Assert.AreEqual("2", ConsoleRig.Field(second, "read_failures_this_card"));
            Assert.AreEqual(1, rig.Slot.Events.CountOf(EventCode.FallbackForTransaction), "the 2nd failed read sends this transaction to the external reader");
        }

        [TestMethod]
        public void FallbackIsPushedAsASeqZeroFrame()
        {
            ConsoleRig rig = new ConsoleRig(3);
            string text = PushedWhenTheSlotStopsSeating(rig);
            string frame = PushedFrame(text, "$0 {\"ok\":true,\"data\":{\"event\":\"fallback\",\"code\":\"fallback_engaged\"");
            Assert.AreEqual("true", ConsoleRig.Field(frame, "engaged"));
            Assert.IsTrue(text.IndexOf("\"event\":\"health\"") >= 0, "health changes are pushed too");
        }

        [TestMethod]
        public void EveryMilestoneIsPushedWithItsId()
        {
            ConsoleRig rig = new ConsoleRig(3);
            string text = PushedWhenTheSlotStopsSeating(rig);
            string frame = PushedFrame(text, "$0 {\"ok\":true,\"data\":{\"event\":\"milestone\",\"code\":\"flag_raised\",\"id\":");
            long id = long.Parse(ConsoleRig.Field(frame, "id"));
            string listed = rig.Send(2, "events --since " + (id - 1).ToString() + " --limit 1");
            Assert.IsTrue(listed.IndexOf("{\"id\":" + id.ToString() + ",") > 0 && listed.IndexOf("flag_raised") > 0, listed);
        }

        [TestMethod]
        public void AFullEventQueueDropsTheOldestAndTheNextEventSaysHowMany()
        {
            ConsoleRig rig = new ConsoleRig(4);
            rig.Send(1, "hello");
            rig.Port.Clear();
            // Withdrawals raise transaction_interrupted; 20 of them without a poll overflow the 16-slot queue.
            rig.Slot.Feed(InsertionShape.Healthy(), PushQueue.Size + 4);
            rig.Console.Poll(rig.T);
            string text = rig.Port.Text;
            Assert.IsTrue(text.IndexOf("\"dropped\":4") > 0, text);
            Assert.AreEqual(4L, rig.Console.PushDropped);
        }

        [TestMethod]
        public void EventsPageBySinceAndLimit()
        {
            ConsoleRig rig = new ConsoleRig(1);
            for (int i = 0; i < 10; i++)
            {
                rig.Slot.Fw.Log.Append(EventCode.FlagRaised, rig.T + i, 0, 0, 3);
            }
            string page = rig.Send(1, "events --since 4 --limit 3");
            Assert.IsTrue(page.IndexOf("\"events\":[{\"id\":5,") > 0, page);
            Assert.IsTrue(page.IndexOf("{\"id\":7,") > 0 && page.IndexOf("{\"id\":8,") < 0, page);
            Assert.AreEqual("true", ConsoleRig.Field(page, "more"));
            Assert.AreEqual("11", ConsoleRig.Field(page, "next_id"));
        }

        [TestMethod]
        public void EventsGiveTheMilestonesAndTheRoutineCountsSinceTheNewest()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Fw.Log.Append(EventCode.HealthChanged, 5000000, 12, 0x000103, 4);
            for (int i = 0; i < 500; i++)
            {
                rig.Slot.Fw.Log.Append(EventCode.ContactRestored, 6000000 + i * 1000, 13 + i, 40, 1);
            }
            string page = rig.Send(1, "events");
            Assert.IsTrue(page.IndexOf("{\"ok\":true,\"data\":{\"next_id\":2,\"more\":false,\"dropped\":0,\"events\":[{\"id\":1,\"t_ms\":5000,\"event\":\"health_changed\",\"insertion\":12,\"detail\":") > 0, page);
            Assert.IsTrue(page.IndexOf("\"routine\":[{\"event\":\"contact_restored\",\"count\":500,\"last_t_ms\":6499,\"last_insertion\":512}]") > 0, page);
        }

        /// <summary>What the console pushes while a slot that learnt its baseline stops seating cards (80 of them).</summary>
        static string PushedWhenTheSlotStopsSeating(ConsoleRig rig)
        {
            rig.Send(1, "hello");
            rig.Slot.LearnBaseline();
            rig.Port.Clear();
            InsertionShape never = InsertionShape.Healthy();
            never.NeverSeats = true;
            rig.Slot.Feed(never, 80);
            rig.Console.Poll(rig.T);
            return rig.Port.Text;
        }

        /// <summary>The pushed frame that starts with PREFIX, checked intact.</summary>
        static string PushedFrame(string text, string prefix)
        {
            int at = text.IndexOf(prefix);
            Assert.IsTrue(at >= 0, text);
            string frame = text.Substring(at, text.IndexOf('\r', at) - at);
            Assert.IsTrue(ConsoleRig.FrameIntact(frame), frame);
            return frame;
        }
    }
}
