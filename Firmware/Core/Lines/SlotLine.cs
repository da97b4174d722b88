namespace PosSlot.Firmware.Lines
{
    /// <summary>
    /// The slot's input lines as the core sees them: logical levels (1 = asserted), never pins.
    /// Ints rather than an enum because nanoFramework's Enum.ToString() gives a number.
    /// </summary>
    public static class SlotLine
    {
        public const int Detect = 0;
        public const int Contact = 1;
        public const int ReaderFault = 2;
        public const int Count = 3;

        static readonly string[] s_names = new string[] { "detect", "contact", "reader_fault" };

        public static string Name(int line)
        {
            return line >= 0 && line < Count ? s_names[line] : "line?";
        }

        /// <summary>Parses a line name; returns -1 when it is not one.</summary>
        public static int Parse(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (s_names[i] == name)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
