using PosSlot.Firmware.Events;
using PosSlot.Firmware.Tests.Slot;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>Thousands of chattering cards per seed: too long for the device interpreter's test run.</summary>
    [TestClass]
    public class ChatterSoakTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void SixThousandChatteringCardsAreCountedExactly(int seed)
        {
            Rig rig = ChatterRunTests.Run(seed, 6000, true);
            Assert.AreEqual(6000L, rig.Insertions);
            Assert.AreEqual(6000L, rig.Events.Removals);
            Assert.AreEqual(0, rig.Events.CountOf(EventCode.LineChatter));
        }
    }
}
