using System.Text;
using PosSlot.Firmware.Console;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    [TestClass]
    public class MachineFrameTests
    {
        static MachineFrame Parse(string line)
        {
            byte[] b = Encoding.UTF8.GetBytes(line);
            MachineFrame f = new MachineFrame();
            f.Parse(b, b.Length);
            return f;
        }

        [TestMethod]
        public void AnIntactFrameGivesItsSeqAndCommand()
        {
            string frame = ConsoleRig.Frame(42, "events --limit 5");
            MachineFrame f = Parse(frame.Substring(0, frame.Length - 2));
            Assert.AreEqual(MachineFrame.Intact, f.Status);
            Assert.AreEqual(42, f.Seq);
            Assert.AreEqual("events --limit 5", f.Command);
        }

        [TestMethod]
        public void LowercaseHexIsRefused()
        {
            string inner = "3 status";
            string line = "$" + inner + "*" + Hex.Of(Crc16Xmodem.Compute(inner), 4).ToLower();
            Assert.AreEqual(MachineFrame.CrcMissing, Parse(line).Status, "a flipped case bit is a changed frame");
        }

        [TestMethod]
        public void EverySingleBitFlipIsCaught()
        {
            // CRC-16 detects every single-bit error; check it on a destructive request, every bit.
            string frame = ConsoleRig.Frame(9, "counters reset --replaced");
            byte[] clean = Encoding.UTF8.GetBytes(frame.Substring(0, frame.Length - 2));
            int intact = 0;
            for (int bit = 8; bit < clean.Length * 8; bit++)
            {
                byte[] b = (byte[])clean.Clone();
                b[bit / 8] ^= (byte)(1 << (bit % 8));
                MachineFrame f = new MachineFrame();
                f.Parse(b, b.Length);
                if (f.Status == MachineFrame.Intact)
                {
                    intact++;
                }
            }
            Assert.AreEqual(0, intact);
        }

        [TestMethod]
        public void AMissingOrShortCrcIsNamedAndTheSeqStillRead()
        {
            MachineFrame f = Parse("$12 status");
            Assert.AreEqual(MachineFrame.CrcMissing, f.Status);
            Assert.AreEqual(12, f.Seq);
            Assert.AreEqual(MachineFrame.CrcMissing, Parse("$12 status*12").Status);
            Assert.AreEqual(MachineFrame.CrcMissing, Parse("$12 status*12G4").Status);
        }

        [TestMethod]
        public void ASeqOfZeroOrNoneIsUnreadable()
        {
            string zero = ConsoleRig.Frame(0, "status");
            Assert.AreEqual(MachineFrame.Unreadable, Parse(zero.Substring(0, zero.Length - 2)).Status);
            string inner = "status";
            Assert.AreEqual(MachineFrame.Unreadable, Parse("$" + inner + "*" + Hex.Of(Crc16Xmodem.Compute(inner), 4)).Status);
        }
    }
}
