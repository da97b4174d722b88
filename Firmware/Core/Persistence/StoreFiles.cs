namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// The store's files (the board adapter puts them under I:\posslot\) and their numbers in events.
    /// The journal is a run of small segment files, journal-0.bin, journal-1.bin, ..., each kept
    /// under LittleFS's inline limit: a file that small lives in its directory's metadata log, so a
    /// synced append costs a metadata commit instead of copying the file's last 4 KB block to a
    /// freshly erased one (which every append to a larger file does; docs/persistence.md).
    /// </summary>
    public static class StoreFiles
    {
        public const int SnapshotA = 0;
        public const int SnapshotB = 1;
        public const int Journal = 2;

        /// <summary>Written by provisioning (flash.ps1, the emulator's factory): an empty store on a new board, not a lost one.</summary>
        public const string NewBoardMarker = "new-board";

        static readonly string[] s_names = new string[] { "state-a.bin", "state-b.bin", "journal" };

        public static string Name(int file)
        {
            return s_names[file];
        }

        public static string JournalSegment(int n)
        {
            return "journal-" + n.ToString() + ".bin";
        }

        public static bool IsJournal(string name)
        {
            return name != null && name.Length > 8 && name.Substring(0, 8) == "journal-";
        }
    }
}
