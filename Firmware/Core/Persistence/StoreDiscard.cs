namespace PosSlot.Firmware.Persistence
{
    /// <summary>Why a stored record was not used at boot (the store_discarded event's detail 2).</summary>
    public static class StoreDiscard
    {
        public const int None = 0;
        public const int Empty = 1;
        public const int Truncated = 2;
        public const int Corrupt = 3;
        public const int UnknownVersion = 4;
        public const int Foreign = 5;
        public const int Unreadable = 6;
        public const int OutOfSequence = 7;
        public const int Count = 8;

        static readonly string[] s_names = new string[]
        {
            "none", "empty", "truncated", "corrupt", "unknown_version", "foreign", "unreadable", "out_of_sequence",
        };

        public static string Name(int reason)
        {
            return reason >= 0 && reason < Count ? s_names[reason] : "reason?";
        }
    }
}
