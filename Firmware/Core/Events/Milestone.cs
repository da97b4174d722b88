namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// Which events are milestones, kept one entry each in the log's history, and which are routine,
    /// only counted per kind (issue 19: a technician decides what to replace from the milestones, so
    /// routine noise must never push them out). Of the milestones, the changes a technician must see
    /// (health, fallback, flags, maintenance, a lost store, a cleared log, a destructive command that
    /// ran) are kept before the re-announcements (a boot's store_recovered, the fallback restored at
    /// boot, lockouts, discarded records) when the history is full.
    /// </summary>
    public static class Milestone
    {
        /// <summary>Whether the event gets its own entry (true) or is counted as routine (false).</summary>
        public static bool Is(int code, long detail2)
        {
            switch (code)
            {
                case EventCode.HealthChanged:
                case EventCode.FallbackEngaged:
                case EventCode.FallbackReleased:
                case EventCode.FlagRaised:
                case EventCode.FlagCleared:
                case EventCode.SlotCleaned:
                case EventCode.SlotReplaced:
                case EventCode.BaselineLearned:
                case EventCode.StoreRecovered:
                case EventCode.StoreNew:
                case EventCode.StoreLost:
                case EventCode.StoreDiscarded:
                case EventCode.StoreWriteFailed:
                case EventCode.StoreWriteRestored:
                case EventCode.AuthLockedOut:
                case EventCode.LogCleared:
                    return true;
                case EventCode.ConsoleAction:
                    // Run: a milestone. Refused (detail 2 the error): counted, so nobody can flood the history by typing.
                    return detail2 == 0;
                default:
                    return false;
            }
        }

        /// <summary>Whether a full history drops this entry before the changes (the oldest such goes first).</summary>
        public static bool Evictable(int code, long detail2)
        {
            switch (code)
            {
                case EventCode.StoreRecovered:
                case EventCode.StoreNew:
                case EventCode.StoreDiscarded:
                case EventCode.StoreWriteFailed:
                case EventCode.StoreWriteRestored:
                case EventCode.AuthLockedOut:
                case EventCode.BaselineLearned:
                    return true;
                case EventCode.FallbackEngaged:
                    // Told again at every boot while engaged: a reminder, not a change.
                    return detail2 == Health.ReasonCode.RestoredAtBoot;
                default:
                    return false;
            }
        }
    }
}
