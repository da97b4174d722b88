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
            Assert.IsTrue(Has(hello, "uptime:         2m38s\r\n"), "uptime as a person reads it: " + hello);
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

        [TestMethod]
        public void ArrowKeysNeverEndUpInTheCommand()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Port.Clear();
            rig.Raw("stat\u001b[D\u001b[Dus\u001b[A\r");
            string seen = rig.Port.Text;
            Assert.IsTrue(Has(seen, "health:"), seen);
            Assert.IsFalse(Has(seen, "[D"), seen);
        }

        [TestMethod]
        public void WhatRunsIsWhatTheBoardEchoed()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Port.Clear();
            rig.Bytes(new byte[] { 0x73, 0x74, 0x61, 0xFF, 0xFE, 0x74, 0x75, 0x73, 0x0D }); // sta, two invalid bytes, tus
            string seen = rig.Port.Text;
            Assert.IsTrue(seen.IndexOf("status\r\n") == 0, seen);
            Assert.IsTrue(Has(seen, "health:"), "the echoed command ran: " + seen);
            rig.Port.Clear();
            rig.Bytes(new byte[] { 0xEF, 0xBB, 0xBF, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x0D }); // BOM, hello
            seen = rig.Port.Text;
            Assert.IsTrue(Has(seen, "protocol:"), seen);
        }

        [TestMethod]
        public void TimesReadAsDurationsAndUnknownsAsWords()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Fw.Log.Append(PosSlot.Firmware.Events.EventCode.HealthChanged, 5381528000L, 0, 0x000103, 4);
            rig.Slot.Fw.Log.Append(PosSlot.Firmware.Events.EventCode.ContactRestored, 5400000000L, 7, 40, 1);
            string events = rig.Type("events");
            Assert.IsTrue(Has(events, "1h29m41s"), events);
            Assert.IsFalse(Has(events, "5381528"), events);
            Assert.IsTrue(Has(events, "before the first insertion"), events);
            Assert.IsTrue(Has(events, "contact_restored: 1"), events);
            string wear = rig.Type("wear");
            Assert.IsFalse(Has(wear, "-1"), wear);
            Assert.IsTrue(Has(wear, "failed_in:      unknown"), wear);
        }

        [TestMethod]
        public void AdviceWithNothingRaisedSaysNone()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string seen = rig.Type("advice");
            Assert.IsTrue(Has(seen, "advice:         none"), seen);
        }

        [TestMethod]
        public void LifeUsedHasOneMeaning()
        {
            // status: insertions over the rated life. wear: the forecast's own estimate, under its own name.
            ConsoleRig rig = new ConsoleRig(1);
            rig.Slot.Feed(InsertionShape.Healthy(), 60);
            Assert.IsTrue(Has(rig.Type("status"), "life_used:"));
            string wear = rig.Send(5, "wear");
            Assert.IsTrue(wear.IndexOf("\"life_used_pct\"") < 0, wear);
            Assert.IsTrue(wear.IndexOf("\"forecast_life_used_pct\"") > 0, wear);
        }
    }
}
