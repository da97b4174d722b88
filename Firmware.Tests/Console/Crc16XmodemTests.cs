using PosSlot.Firmware.Console;

namespace PosSlot.Firmware.Tests.Console
{
    [TestClass]
    public class Crc16XmodemTests
    {
        [TestMethod]
        public void MatchesTheCatalogueCheckValue()
        {
            // CRC-16/XMODEM in the CRC catalogue (reveng): check=0x31c3 over "123456789".
            Assert.AreEqual(0x31C3, Crc16Xmodem.Compute("123456789"));
            Assert.AreEqual(0, Crc16Xmodem.Compute(""));
        }

        [TestMethod]
        public void FramesCarryFourUppercaseHexDigits()
        {
            string frame = MachineFrame.Format(7, "{\"ok\":true,\"data\":{}}");
            Assert.AreEqual("$7 {\"ok\":true,\"data\":{}}*" + Hex.Of(Crc16Xmodem.Compute("7 {\"ok\":true,\"data\":{}}"), 4) + "\r\n", frame);
            Assert.AreEqual("0A1F", Hex.Of(0x0A1F, 4));
        }
    }
}
