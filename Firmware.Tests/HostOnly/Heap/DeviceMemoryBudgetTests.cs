using System;
using System.IO;
using System.Linq;
using System.Text;

namespace PosSlot.Firmware.Tests.HostOnly.Heap
{
    /// <summary>
    /// What the board keeps resident, drivers aside (the firmware with its log, the store and its
    /// buffers, the console, the auth gate), sized as nanoCLR lays it out: at most 48 KB after 10,000
    /// insertions of an eventful life and a burst of console traffic, and no growth over a second life
    /// of 10,000 and another burst: every part but the reply text is as it was at boot (within a name's
    /// digits); the reply text follows the longest reply (see docs/performance.md). Each burst ends on the console's
    /// largest state (the longest reply in every reply-cache slot), so the figure is the worst case, not
    /// a lucky moment. The table in docs/performance.md is this test's output:
    /// dotnet test Firmware.Tests --filter FullyQualifiedName~DeviceMemoryBudget --logger "console;verbosity=detailed"
    /// </summary>
    [TestClass]
    public class DeviceMemoryBudgetTests
    {
        public const long Budget = 48 * 1024;

        /// <summary>A string the firmware replaces as it runs (the journal segment's name, "journal-12"): its digits are not growth.</summary>
        public const long NameJitter = 4 * NanoHeapEstimator.Block;

        /// <summary>The components holding reply text (the rest of the image must not change by a byte).</summary>
        static bool IsReplyText(string component) => component == "ReplyCache" || component == "Reply";

        [TestMethod]
        public void TheResidentFirmwareFitsFortyEightKilobytesAndDoesNotGrow()
        {
            var board = new DeviceImage(3);
            board.Burst();
            var atBoot = board.Estimate(out long _);
            board.Life(10000);
            board.Burst();
            // The history's arrays are allocated whole at construction: its size does not depend on how full it is.
            Assert.AreEqual(SlotFirmware.DefaultLogCapacity, board.Fw.Log.Capacity);
            Assert.IsTrue(board.Fw.Log.Count > 0, "the life logged milestones");
            var at10k = board.Estimate(out long total10k);
            board.Life(10000);
            board.Burst();
            var at20k = board.Estimate(out long total20k);

            var table = new StringBuilder("| component | after 10,000 insertions | after 20,000 |\n|---|---|---|\n");
            for (int i = 0; i < at10k.Count; i++)
            {
                table.Append($"| {at10k[i].Key} | {at10k[i].Value:N0} B | {at20k[i].Value:N0} B |\n");
            }
            table.Append($"| **total** | **{total10k:N0} B ({total10k / 1024.0:0.0} KB)** | **{total20k:N0} B ({total20k / 1024.0:0.0} KB)** |\n");
            System.Console.WriteLine(table);

            Assert.AreEqual(20000L, board.Fw.Counters.BoardInsertions);
            Assert.IsTrue(board.Fw.Log.Count > 0, "the log holds the lives' events");
            Assert.IsTrue(total10k <= Budget, $"{total10k} B resident after 10,000 insertions, budget {Budget}");
            Assert.IsTrue(total20k <= Budget, $"{total20k} B resident after 20,000 insertions, budget {Budget}");
            for (int i = 0; i < at10k.Count; i++)
            {
                if (IsReplyText(at10k[i].Key))
                {
                    // Sized by the longest reply so far (the builder keeps its capacity, the cache its frames):
                    // bounded by the longest reply there can be, held by the budget above, not by a delta.
                    continue;
                }
                // Everything else is allocated at boot and never again: as before the first card, but for a name's digits.
                Assert.IsTrue(Math.Abs(at10k[i].Value - atBoot[i].Value) <= NameJitter, $"{at10k[i].Key}: {atBoot[i].Value} B at boot, {at10k[i].Value} B after 10,000");
                Assert.IsTrue(Math.Abs(at20k[i].Value - at10k[i].Value) <= NameJitter, $"{at10k[i].Key}: {at10k[i].Value} B after 10,000, {at20k[i].Value} B after 20,000");
            }
        }

        [TestMethod]
        public void TheImageIsBuiltWithTheSizesProgramMainUses()
        {
            // DeviceImage mirrors Program.Main's portable part; if Main changes a size, the budget must be measured again.
            string main = File.ReadAllText(Path.Combine(RepoRootOf(AppContext.BaseDirectory), "Firmware", "Device", "Program.cs"));
            foreach (var built in new[]
            {
                "new SlotFirmware(new SlotConfig(), health, fallback, SlotFirmware.DefaultLogCapacity)",
                ".AttachStore(storage, new StoreSettings(), 0)",
                "new AuthGate(key, ",
                "new DiagConsole(s_fw, id, auth, s_port, ",
                "console.Start()",
            })
            {
                Assert.IsTrue(main.Contains(built, StringComparison.Ordinal), "Program.Main no longer has: " + built + " (update DeviceImage and measure again)");
            }
        }

        static string RepoRootOf(string dir)
        {
            for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "PosSlotFirmware.sln")))
                {
                    return d.FullName;
                }
            }
            throw new InvalidOperationException("no PosSlotFirmware.sln above " + dir);
        }
    }
}
