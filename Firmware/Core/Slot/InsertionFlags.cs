namespace PosSlot.Firmware.Slot
{
    /// <summary>Anomaly bits on one insertion record.</summary>
    public static class InsertionFlags
    {
        public const int NeverSeated = 1;
        public const int ContactWithoutDetect = 2;
        public const int WrongRemovalOrder = 4;
        public const int DetectStuck = 8;
        public const int ReaderFault = 16;

        /// <summary>Seated under a detect switch that never released from the card before: seen on the contact alone.</summary>
        public const int Reseated = 32;

        static readonly string[] s_names = new string[]
        {
            "never_seated", "contact_without_detect", "wrong_removal_order", "detect_stuck", "reader_fault", "reseated",
        };

        /// <summary>Names of the set bits, comma-separated ("" when none).</summary>
        public static string Describe(int flags)
        {
            string text = "";
            for (int bit = 0; bit < s_names.Length; bit++)
            {
                if ((flags & (1 << bit)) != 0)
                {
                    text = text.Length == 0 ? s_names[bit] : text + "," + s_names[bit];
                }
            }
            return text;
        }
    }
}
