namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// Record kinds: the snapshot, and the journal's entries, one per input that moves the health
    /// analyser's state between snapshots (so replaying them rebuilds it exactly).
    /// </summary>
    public static class RecordKind
    {
        public const int Snapshot = 1;
        public const int Insertion = 2;
        public const int DetectNoise = 3;
        public const int DetectStuck = 4;
        public const int DetectRecovered = 5;
        public const int SlotCleaned = 6;
        public const int SlotReplaced = 7;

        /// <summary>The console's authentication lockout (its own file, auth.bin: not part of the slot's state).</summary>
        public const int AuthLockout = 8;
    }
}
