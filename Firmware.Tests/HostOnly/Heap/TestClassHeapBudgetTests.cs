using System;
using System.Linq;
using System.Text;

namespace PosSlot.Firmware.Tests.HostOnly.Heap
{
    /// <summary>
    /// Every single-source test class fits a device heap: the largest graph any of its tests keeps
    /// alive, sized as nanoCLR lays it out, stays under the budget, in its own process and in one
    /// process for the whole suite (the classes run one after another, so the suite's peak is the
    /// largest class's plus the static tables). The table in docs/performance.md is this test's output:
    /// dotnet test Firmware.Tests --filter FullyQualifiedName~TestClassHeapBudget --logger "console;verbosity=detailed"
    /// </summary>
    [TestClass]
    public class TestClassHeapBudgetTests
    {
        /// <summary>A classic ESP32's managed heap is ~100 KB; the bar is 256 KB, and garbage and fragmentation need room beside what is kept.</summary>
        public const long DeviceHeap = 256 * 1024;

        /// <summary>What one class may keep: half the device heap, the other half for garbage between collections, fragmentation and the runner.</summary>
        public const long ClassBudget = 128 * 1024;

        [TestMethod]
        public void EverySingleSourceTestClassKeepsLittleEnoughForADeviceHeap()
        {
            var peaks = TestClassPeaks.SingleSourceClasses().Select(TestClassPeaks.Measure).ToList();
            long statics = TestClassPeaks.Statics();
            var table = new StringBuilder("| test class | tests | peak estimate | at |\n|---|---|---|---|\n");
            foreach (var p in peaks.OrderByDescending(p => p.Bytes))
            {
                table.Append($"| {p.Class} | {p.Tests} | {Kb(p.Bytes)} | {p.Test} |\n");
            }
            table.Append($"| (static fields, whole suite) | | {Kb(statics)} | |\n");
            System.Console.WriteLine(table);
            Assert.IsTrue(peaks.Count > 30, "found the single-source classes: " + peaks.Count);
            var over = peaks.Where(p => p.Bytes > ClassBudget).ToList();
            Assert.AreEqual(0, over.Count, "over " + Kb(ClassBudget) + ":\n" + string.Join("\n", over.Select(p =>
                $"{p.Class} {Kb(p.Bytes)} in {p.Test}: " + string.Join(", ", p.ByType.OrderByDescending(kv => kv.Value).Take(6).Select(kv => $"{kv.Key} {Kb(kv.Value)}")))));
            Assert.IsTrue(peaks.Max(p => p.Bytes) + statics <= DeviceHeap, "the whole suite in one process");
        }

        static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0") + " KB";
    }
}
