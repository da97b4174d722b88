namespace PosSlot.Firmware.Health
{
    /// <summary>The slot's overall state; also the level of one fault class (None = Healthy).</summary>
    public static class HealthState
    {
        public const int Healthy = 0;
        public const int Watch = 1;
        public const int Degraded = 2;
        public const int Failed = 3;

        static readonly string[] s_names = new string[] { "Healthy", "Watch", "Degraded", "Failed" };

        public static string Name(int state)
        {
            return state >= 0 && state <= Failed ? s_names[state] : "Unknown";
        }
    }
}
