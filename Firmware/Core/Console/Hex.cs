namespace PosSlot.Firmware.Console
{
    /// <summary>Hex text both ways, without the format strings nanoFramework lacks.</summary>
    public static class Hex
    {
        const string Digits = "0123456789ABCDEF";

        public static string Of(byte[] data)
        {
            char[] c = new char[data.Length * 2];
            for (int i = 0; i < data.Length; i++)
            {
                c[2 * i] = Digits[data[i] >> 4];
                c[2 * i + 1] = Digits[data[i] & 0xF];
            }
            return new string(c);
        }

        /// <summary>`value` as exactly `digits` uppercase hex digits.</summary>
        public static string Of(int value, int digits)
        {
            char[] c = new char[digits];
            for (int i = digits - 1; i >= 0; i--)
            {
                c[i] = Digits[value & 0xF];
                value >>= 4;
            }
            return new string(c);
        }

        /// <summary>0..15 for a hex digit of either case, -1 otherwise.</summary>
        public static int Digit(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }

        /// <summary>The bytes of an even-length hex string, or null when it is not one.</summary>
        public static byte[] Parse(string text)
        {
            if (text == null || text.Length % 2 != 0)
            {
                return null;
            }
            byte[] data = new byte[text.Length / 2];
            for (int i = 0; i < data.Length; i++)
            {
                int hi = Digit(text[2 * i]);
                int lo = Digit(text[2 * i + 1]);
                if (hi < 0 || lo < 0)
                {
                    return null;
                }
                data[i] = (byte)((hi << 4) | lo);
            }
            return data;
        }

        /// <summary>Exactly four hex digits at text[start..], or -1.</summary>
        public static int Parse4(string text, int start)
        {
            if (start < 0 || start + 4 != text.Length)
            {
                return -1;
            }
            int v = 0;
            for (int i = start; i < start + 4; i++)
            {
                int d = Digit(text[i]);
                if (d < 0)
                {
                    return -1;
                }
                v = (v << 4) | d;
            }
            return v;
        }
    }
}
