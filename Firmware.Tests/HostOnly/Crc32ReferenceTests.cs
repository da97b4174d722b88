using System;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>The firmware's table CRC-32 against System.IO.Hashing's, on seeded buffers of every length up to 1 KB.</summary>
    [TestClass]
    public class Crc32ReferenceTests
    {
        [TestMethod]
        public void MatchesSystemIoHashingOnEveryLength()
        {
            var rnd = new SeededRandom(9);
            var data = new byte[1024];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)rnd.Next(256);
            }
            for (int n = 0; n <= data.Length; n++)
            {
                uint expected = System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(0, n));
                Assert.AreEqual(expected, Crc32.Compute(data, 0, n), "length " + n);
            }
        }
    }
}
