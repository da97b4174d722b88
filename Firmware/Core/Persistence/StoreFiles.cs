namespace PosSlot.Firmware.Persistence
{
    /// <summary>The store's files (the board adapter puts them under I:\posslot\) and their numbers in events.</summary>
    public static class StoreFiles
    {
        public const int SnapshotA = 0;
        public const int SnapshotB = 1;
        public const int Journal = 2;

        /// <summary>Written by provisioning (flash.ps1, the emulator's factory): an empty store on a new board, not a lost one.</summary>
        public const string NewBoardMarker = "new-board";

        static readonly string[] s_names = new string[] { "state-a.bin", "state-b.bin", "journal.bin" };

        public static string Name(int file)
        {
            return s_names[file];
        }
    }
}
