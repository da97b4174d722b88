using PosSlot.Firmware.Console;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>What a technician sees in picocom: echo, prompt, replies with units, one-line errors.</summary>
    [TestClass]
    public class HumanConsoleTests
    {
        static bool Has(string text, string part)
        {
            return text.IndexOf(part) >= 0;
        }

        [TestMethod]
        public void TypedCharactersAreEchoedAndEachReplyEndsWithThePrompt()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string seen = rig.Type("status");
            Assert.IsTrue(seen.IndexOf("status\r\n") == 0, seen);
            Assert.IsTrue(Has(seen, "health:         Healthy\r\n"), seen);
            Assert.IsTrue(seen.LastIndexOf(DiagConsole.Prompt) == seen.Length - DiagConsole.Prompt.Length, seen);
        }

        [TestMethod]
        public void HelpListsEveryCommandAndHelpForOneExplainsIt()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string help = rig.Type("help");
            for (int i = 0; i < CommandTable.Usage.Length; i++)
            {
                Assert.IsTrue(Has(help, CommandTable.Usage[i]), CommandTable.Usage[i]);
            }
            string one = rig.Type("help fallback");
            Assert.IsTrue(Has(one, "usage:          fallback force on|off|auto [--minutes N]"), one);
            Assert.IsTrue(Has(rig.Type("help counters reset"), "counters reset --replaced"));
        }

        [TestMethod]
        public void AnUnknownCommandGetsOneLinePointingToHelp()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string seen = rig.Type("frobnicate now");
            Assert.IsTrue(Has(seen, "error 1 (unknown_command): unknown command 'frobnicate': type help\r\n"), seen);
            Assert.AreEqual(1L, rig.Console.UnknownCommands);
        }

        [TestMethod]
        public void AKnownCommandWithWrongWordsShowsItsUsage()
        {
            ConsoleRig rig = new ConsoleRig(1);
            Assert.IsTrue(Has(rig.Type("status please"), "usage: status"));
            Assert.IsTrue(Has(rig.Type("events --limit 99"), "--limit 1 to 32"));
            Assert.IsTrue(Has(rig.Type("advice fr"), "usage: advice [en|zh]"));
        }

        [TestMethod]
        public void ValuesCarryUnitsAndHelloNamesTheBoard()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Feed(InsertionShape.Healthy(), 60);
            rig.T += 5000000;
            string hello = rig.Type("hello");
            Assert.IsTrue(Has(hello, "protocol:       diag/1"), hello);
            Assert.IsTrue(Has(hello, "board:          test-board"), hello);
            Assert.IsTrue(Has(hello, "serial:         " + ConsoleRig.Serial), hello);
            Assert.IsTrue(Has(hello, " s\r\n"), "uptime in seconds");
            string wear = rig.Type("wear");
            Assert.IsTrue(Has(wear, "baseline_ready: yes"), wear);
            Assert.IsTrue(Has(wear, "bounce_mean:"), wear);
            Assert.IsTrue(Has(wear, " us\r\n"), wear);
            Assert.IsTrue(Has(rig.Type("counters"), "insertions_board: 60"));
        }

        [TestMethod]
        public void EmptyLinesJustPromptAgain()
        {
            ConsoleRig rig = new ConsoleRig(1);
            Assert.AreEqual("\r\n" + DiagConsole.Prompt, rig.Type(""));
        }

        [TestMethod]
        public void AdviceSpeaksChineseWhenAsked()
        {
            ConsoleRig rig = new ConsoleRig(3);
            rig.Slot.LearnBaseline();
            InsertionShape never = InsertionShape.Healthy();
            never.NeverSeats = true;
            rig.Slot.Feed(never, 80);
            string en = rig.Type("advice");
            string zh = rig.Type("advice zh");
            Assert.IsTrue(Has(en, "loose_spring") || Has(en, "contact_wear"), en);
            Assert.AreNotEqual(en, zh);
            Assert.IsTrue(Has(zh, "\u5916"), "the Chinese advice names the external reader: " + zh);
        }

        [TestMethod]
        public void APushedEventIsShownAndThePromptAndHalfTypedLineComeBack()
        {
            ConsoleRig rig = new ConsoleRig(3);
            rig.Raw("sta");
            rig.Port.Clear();
            rig.Slot.Fw.Fallback.Force(rig.T, 0);
            rig.Console.Poll(rig.T + 1000);
            string seen = rig.Port.Text;
            Assert.IsTrue(Has(seen, "\r\n! fallback: fallback_engaged"), seen);
            Assert.IsTrue(seen.LastIndexOf(DiagConsole.Prompt + "sta") == seen.Length - DiagConsole.Prompt.Length - 3, seen);
        }

        [TestMethod]
        public void SelftestChecksLinesCaptureStorageAndKey()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string seen = rig.Type("selftest");
            Assert.IsTrue(Has(seen, "storage_ok:     yes"), seen);
            Assert.IsTrue(Has(seen, "capture:        emulated"), seen);
            Assert.IsTrue(Has(seen, "ok:             yes"), seen);
            Assert.IsFalse(rig.Flash.Exists("selftest.tmp"), "the probe file is removed");
            rig.Flash.Full = true;
            Assert.IsTrue(Has(rig.Type("selftest"), "storage_ok:     no"));
        }

        [TestMethod]
        public void APersonPausingMidLineIsNotTimedOut()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Raw("hel");
            rig.T += 3 * LineReader.TimeoutUs;
            rig.Console.Poll(rig.T);
            string seen = rig.Type("lo");
            Assert.IsTrue(Has(seen, "protocol:"), seen);
            Assert.AreEqual(0L, rig.Console.LinesTimedOut);
        }
    }
}
