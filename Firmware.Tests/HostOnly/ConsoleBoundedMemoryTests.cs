using System;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>The console keeps nothing per line: memory after 40,000 fuzzed lines is what it was after 4,000.</summary>
    [TestClass]
    public class ConsoleBoundedMemoryTests
    {
        [TestMethod]
        public void MemoryStaysFlatUnderFuzzedTraffic()
        {
            ConsoleFuzzer fuzz = new ConsoleFuzzer(17);
            fuzz.Run(4000);
            long early = GC.GetTotalMemory(true);
            fuzz.Run(36000);
            long late = GC.GetTotalMemory(true);
            Assert.IsNull(fuzz.Broken, fuzz.Broken);
            Assert.IsTrue(late - early < 256 * 1024, $"grew {late - early} bytes over 36,000 lines");
        }
    }
}
