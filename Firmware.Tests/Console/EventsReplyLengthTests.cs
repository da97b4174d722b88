using PosSlot.Firmware.Console;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>
    /// The longest reply sets what the console keeps on the heap (the reply builder keeps its capacity, the cache
    /// keeps four frames; docs/performance.md). A long-lived board's milestones have long ids, times and counts:
    /// an `events` reply stops early (more: true) rather than grow past DiagConsole.MaxReplyChars, and paging on
    /// from the last id shown skips nothing.
    /// </summary>
    [TestClass]
    public class EventsReplyLengthTests
    {
        // A board ten years on: 128 milestones with 12-digit times, 8-digit insertions, and many routine kinds.
        static ConsoleRig LongLivedBoard()
        {
            ConsoleRig rig = new ConsoleRig(1);
            EventLog log = rig.Slot.Fw.Log;
            log.SkipIds(987654);
            long t = 315000000000000L;
            for (int i = 0; i < 140; i++)
            {
                log.Append(i % 2 == 0 ? EventCode.HealthChanged : EventCode.FlagRaised, t + i * 1000000000L, 98765432L + i, 0x000103, 4);
            }
            int[] routine = new int[] { EventCode.ContactRestored, EventCode.ReadFailed, EventCode.TransactionInterrupted, EventCode.ReaderFaultAsserted, EventCode.ReaderFaultCleared };
            for (int k = 0; k < routine.Length; k++)
            {
                log.Append(routine[k], t + 200000000000L + k, 98765999L, 123456789L, 7);
            }
            return rig;
        }

        [TestMethod]
        public void ALongLivedBoardsEventsReplyStopsEarlyAndPagesOnWithoutAGap()
        {
            ConsoleRig rig = LongLivedBoard();
            string page = rig.Send(1, "events --limit 32");
            Assert.IsTrue(page.Length <= DiagConsole.MaxReplyChars + 64, "frame of " + page.Length.ToString() + " characters");
            Assert.AreEqual("true", ConsoleRig.Field(page, "more"), page);
            int shown = 0;
            long last = 0;
            int at = page.IndexOf("{\"id\":");
            while (at >= 0)
            {
                shown++;
                int end = page.IndexOf(',', at);
                last = long.Parse(page.Substring(at + 6, end - at - 6));
                at = page.IndexOf("{\"id\":", end);
            }
            Assert.IsTrue(shown > 0 && shown < 32, "milestones shown: " + shown.ToString());
            string next = rig.Send(2, "events --since " + last.ToString() + " --limit 32");
            Assert.IsTrue(next.IndexOf("{\"id\":" + (last + 1).ToString() + ",") > 0, "the next page starts right after " + last.ToString());
        }

        [TestMethod]
        public void ATechniciansEventsListStopsEarlyToo()
        {
            ConsoleRig rig = LongLivedBoard();
            string text = rig.Type("events --limit 32");
            Assert.IsTrue(text.Length <= DiagConsole.MaxReplyChars + 64, "reply of " + text.Length.ToString() + " characters");
            Assert.IsTrue(text.IndexOf(" more: events --since ") > 0, text);
        }
    }
}
