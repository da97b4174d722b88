namespace PosSlot.Firmware.Persistence
{
    /// <summary>What the store found at boot (also in the event log as store_* events).</summary>
    public sealed class BootReport
    {
        /// <summary>EventCode.StoreRecovered, StoreNew or StoreLost.</summary>
        public int Outcome;

        /// <summary>The snapshot used (0 when none) and the journal entries replayed on top of it.</summary>
        public long SnapshotSequence;
        public int JournalReplayed;

        /// <summary>Records not used, and why (StoreDiscard) for the first few.</summary>
        public int Discarded;

        /// <summary>The latest firmware time the stored state had seen: the board's clock resumes after it.</summary>
        public long ResumeUs;

        /// <summary>This boot's number (1 on a new board) and the reset reason the board gave.</summary>
        public long Boot;
        public int ResetReason;
    }
}
