namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected, the zip/PNG one): the check on every stored record. Table
    /// driven, built once; nanoFramework ships no hashing API for it (the host tests compare it
    /// with System.IO.Hashing.Crc32).
    /// </summary>
    public static class Crc32
    {
        static readonly uint[] s_table = Build();

        public static uint Compute(byte[] data, int offset, int length)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = offset; i < offset + length; i++)
            {
                crc = s_table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }
            return ~crc;
        }

        static uint[] Build()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            return table;
        }
    }
}
