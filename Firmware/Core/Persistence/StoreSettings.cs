namespace PosSlot.Firmware.Persistence
{
    /// <summary>How often the store snapshots, and how far log ids skip after a reboot (reasons: docs/persistence.md).</summary>
    public sealed class StoreSettings
    {
        /// <summary>Journal entries between budget snapshots: bounds the replay at boot and the journal's size.</summary>
        public int SnapshotEveryEntries = 256;

        /// <summary>
        /// A journal segment's size limit: under LittleFS's inline limit (min(cache_size, 1022,
        /// block_size / 8), 512 on 4 KB blocks) with room to spare, so appends stay in metadata.
        /// </summary>
        public int JournalSegmentBytes = 128;

        /// <summary>Log entries between snapshots at most, so the id reserve below always covers the lost ones.</summary>
        public int SnapshotEveryLogEntries = 1024;

        /// <summary>Ids skipped at a boot after a power cut: more than any two snapshots apart, so no id is reused.</summary>
        public long LogIdReserve = 4096;

        /// <summary>The snapshot buffer: the state is about 2 KB with the default tables, and up to about 4.5 KB with a full milestone history.</summary>
        public int SnapshotCapacity = 8192;
    }
}
