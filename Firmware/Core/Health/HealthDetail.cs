namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// How health events pack their numbers into SlotEvent details, in one place for the analyser
    /// that packs them and everyone who reads them. FlagRaised/FlagCleared: Detail1 = fault class,
    /// Detail2 = level &lt;&lt; 8 | reason. HealthChanged: Detail1 = fault &lt;&lt; 16 | from &lt;&lt; 8 | to
    /// (fault 0xFF when none), Detail2 = reason.
    /// </summary>
    public static class HealthDetail
    {
        public const int NoFault = 0xFF;

        public static long Flag(int level, int reason) { return ((long)level << 8) | (long)reason; }
        public static int FlagLevel(long detail2) { return (int)(detail2 >> 8); }
        public static int FlagReason(long detail2) { return (int)(detail2 & 0xFF); }

        public static long Move(int fault, int from, int to) { return ((long)(fault < 0 ? NoFault : fault) << 16) | ((long)from << 8) | (long)to; }
        public static int MoveFault(long detail1) { return (int)((detail1 >> 16) & 0xFF); }
        public static int MoveFrom(long detail1) { return (int)((detail1 >> 8) & 0xFF); }
        public static int MoveTo(long detail1) { return (int)(detail1 & 0xFF); }
    }
}
