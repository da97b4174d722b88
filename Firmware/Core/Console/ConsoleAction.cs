namespace PosSlot.Firmware.Console
{
    /// <summary>The destructive console commands, as logged (EventCode.ConsoleAction, detail 1).</summary>
    public static class ConsoleAction
    {
        public const int CountersReset = 1;
        public const int MaintenanceCleaned = 2;
        public const int FallbackForceOn = 3;
        public const int FallbackForceOff = 4;
        public const int FallbackAuto = 5;
        public const int FallbackForceExpired = 6;
        public const int LogClear = 7;
        public const int Count = 8;

        static readonly string[] s_names = new string[]
        {
            "none", "counters_reset", "maintenance_cleaned", "fallback_force_on", "fallback_force_off",
            "fallback_auto", "fallback_force_expired", "log_clear",
        };

        public static string Name(int action)
        {
            return action > 0 && action < Count ? s_names[action] : "unknown";
        }
    }
}
