namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>How a table is replayed: the device timer can fire on time, late, or not at all.</summary>
    public static class Schedule
    {
        /// <summary>Advance at every deadline the core asks for (a µs one-shot timer).</summary>
        public const int OnTime = 0;

        /// <summary>Advance only on a 10 ms tick, as a managed Timer does on ESP32.</summary>
        public const int Tick10ms = 1;

        /// <summary>Advance only when an edge arrives and once at the end (very late processing).</summary>
        public const int EdgesOnly = 2;

        public const int Count = 3;
    }
}
