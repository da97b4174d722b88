namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// Turns a measure into a level with hysteresis: it rises as soon as the measure reaches a
    /// threshold, and falls only once the measure is below ClearRatio of that threshold.
    /// </summary>
    public static class LevelRule
    {
        /// <summary>Use for a level a measure can never reach.</summary>
        public const double Never = double.MaxValue;

        public static int Apply(int current, double value, double watch, double degraded, double failed, double clearRatio)
        {
            int raw = value >= failed ? HealthState.Failed
                : value >= degraded ? HealthState.Degraded
                : value >= watch ? HealthState.Watch
                : HealthState.Healthy;
            for (int level = current; level > raw; level--)
            {
                if (value >= Threshold(level, watch, degraded, failed) * clearRatio)
                {
                    return level;
                }
            }
            return raw;
        }

        static double Threshold(int level, double watch, double degraded, double failed)
        {
            return level == HealthState.Failed ? failed : level == HealthState.Degraded ? degraded : watch;
        }
    }
}
