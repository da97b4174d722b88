namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// CRC-16/XMODEM (poly 0x1021, init 0, no reflection, no final xor): the machine mode's frame
    /// check. Check value: "123456789" gives 0x31C3. Bitwise, no table: frames are short and the
    /// board's flash is worth more than a few microseconds per line.
    /// </summary>
    public static class Crc16Xmodem
    {
        public const int Initial = 0;

        public static int Update(int crc, byte b)
        {
            crc ^= b << 8;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) : (crc << 1);
            }
            return crc & 0xFFFF;
        }

        public static int Compute(byte[] data, int offset, int count)
        {
            int crc = Initial;
            for (int i = offset; i < offset + count; i++)
            {
                crc = Update(crc, data[i]);
            }
            return crc;
        }

        /// <summary>Over a string's UTF-8 bytes (replies are built as strings).</summary>
        public static int Compute(string text)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            return Compute(bytes, 0, bytes.Length);
        }
    }
}
