namespace PosSlot.Firmware
{
    /// <summary>Time in the core is always microseconds in a long, passed in by the caller.</summary>
    public static class Time
    {
        /// <summary>Returned by NextDeadlineUs when nothing is due: the device layer arms no timer.</summary>
        public const long NoDeadline = long.MaxValue;

        public const long UsPerMs = 1000;
        public const long UsPerSecond = 1000000;
        public const long UsPerDay = 86400L * UsPerSecond;
    }
}
