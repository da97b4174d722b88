namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// Which events are milestones, kept one entry each in the log's history, and which are routine,
    /// only counted per kind (issue 19: a technician decides what to replace from the milestones, so
    /// routine noise must never push them out). When the history is full, re-announcements go
    /// first, then flag moves, and the changes a technician must see last (Rank).
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

        /// <summary>Ranks for a full history: the oldest entry of the lowest rank held goes first.</summary>
        public const int Reminder = 0;
        public const int Flag = 1;
        public const int Change = 2;

        /// <summary>
        /// Reminder: a re-announcement (a boot's store report, the fallback told again at boot, a
        /// lockout, the baseline). Flag: a fault's level moved (a wearing slot's flags may flap).
        /// Change: health, fallback, maintenance, a lost store, a cleared log, a command that ran.
        /// </summary>
        public static int Rank(int code, long detail2)
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
                    return Reminder;
                case EventCode.FlagRaised:
                case EventCode.FlagCleared:
                    return Flag;
                case EventCode.FallbackEngaged:
                    // Told again at every boot while engaged: a reminder, not a change.
                    return detail2 == Health.ReasonCode.RestoredAtBoot ? Reminder : Change;
                default:
                    return Change;
            }
        }

        /// <summary>Whether the entry is a re-announcement rather than something that happened to the slot.</summary>
        public static bool Evictable(int code, long detail2)
        {
            return Rank(code, detail2) == Reminder;
        }
    }
}
