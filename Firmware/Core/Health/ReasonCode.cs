namespace PosSlot.Firmware.Health
{
    /// <summary>The evidence behind a flag or a change of health state.</summary>
    public static class ReasonCode
    {
        public const int None = 0;
        public const int ContactBounceSpan = 1;
        public const int ContactBounceCount = 2;
        public const int SeatDelay = 3;
        public const int NeverSeatedRate = 4;
        public const int InterruptionRate = 5;
        public const int DetectStuck = 6;
        public const int DetectChatter = 7;
        public const int ContactWithoutDetect = 8;
        public const int ReadFailureRate = 9;
        public const int RatedLifeNear = 10;
        public const int RatedLifeExceeded = 11;
        public const int SlotCleaned = 12;
        public const int SlotReplaced = 13;
        public const int EvidenceCleared = 14;
        public const int ForcedByTechnician = 15;
        public const int DetectRecovered = 16;
        public const int SlotFailureRate = 17;

        /// <summary>The state was restored from the store at boot.</summary>
        public const int RestoredAtBoot = 18;
        public const int Count = 19;

        static readonly string[] s_names = new string[]
        {
            "none", "contact_bounce_span", "contact_bounce_count", "seat_delay", "never_seated_rate",
            "interruption_rate", "detect_stuck", "detect_chatter", "contact_without_detect", "read_failure_rate",
            "rated_life_near", "rated_life_exceeded", "slot_cleaned", "slot_replaced", "evidence_cleared",
            "forced_by_technician", "detect_recovered", "slot_failure_rate", "restored_at_boot",
        };

        public static string Name(int reason)
        {
            return reason >= 0 && reason < Count ? s_names[reason] : "reason?";
        }
    }
}
