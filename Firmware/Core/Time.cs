namespace PosSlot.Firmware
{
    /// <summary>Time in the core is always microseconds in a long, passed in by the caller.</summary>
    public static class Time
    {
        /// <summary>Returned by NextDeadlineUs when nothing is due: the device layer arms no timer.</summary>
        public const long NoDeadline = long.MaxValue;

        /// <summary>
        /// The latest time the core takes: 2^62 µs (about 146,000 years of uptime). Every window the
        /// core adds to a time is far below 2^62, so no sum reaches NoDeadline or overflows;
        /// later (or negative) times are refused, never wrapped into the past.
        /// </summary>
        public const long MaxUs = 1L << 62;

        public const long UsPerMs = 1000;
        public const long UsPerSecond = 1000000;
        public const long UsPerDay = 86400L * UsPerSecond;

        /// <summary>Throws unless 0 &lt;= tUs &lt;= MaxUs: a capture or host bug, never a time to act on.</summary>
        public static void Check(long tUs)
        {
            if (tUs < 0 || tUs > MaxUs)
            {
                throw new System.ArgumentOutOfRangeException("tUs", "time outside 0..2^62 us");
            }
        }
    }
}
