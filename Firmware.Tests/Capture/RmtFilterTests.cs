using System;
using PosSlot.Firmware.Capture;
using PosSlot.Firmware.Debounce;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Capture
{
    /// <summary>The RMT hardware filter is set in its real unit (80 MHz APB cycles), and it is not what removes 100 µs glitches.</summary>
    [TestClass]
    public class RmtFilterTests
    {
        [TestMethod]
        public void TheThresholdCountsApbCyclesOf12Point5Ns()
        {
            Assert.AreEqual((byte)100, RmtFilter.CyclesFor(1250), "the old FilterThreshold 100 dropped pulses under 1.25 µs");
            Assert.AreEqual(1250, RmtFilter.NsFor(100));
            Assert.AreEqual((byte)0, RmtFilter.CyclesFor(0));
        }

        [TestMethod]
        public void TheDeviceSettingIsTheMostTheEightBitRegisterHolds()
        {
            Assert.AreEqual((byte)RmtFilter.MaxCycles, RmtFilter.CyclesFor(RmtFilter.DeviceFilterNs));
            Assert.AreEqual(3187, RmtFilter.NsFor(RmtFilter.MaxCycles));
        }

        [TestMethod]
        public void AHundredMicrosecondsIsBeyondTheHardwareSoTheCoreFiltersGlitches()
        {
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { RmtFilter.CyclesFor(100000); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { RmtFilter.CyclesFor(3200); });
            Assert.IsTrue(RmtFilter.DeviceFilterNs < new DebounceSettings().GlitchUs * 1000, "the core's glitch window is what removes 100 µs spikes");
        }
    }
}
