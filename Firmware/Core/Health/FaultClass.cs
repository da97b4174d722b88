namespace PosSlot.Firmware.Health
{
    /// <summary>What can be wrong with a slot. Advice tables are indexed by these.</summary>
    public static class FaultClass
    {
        public const int ContactWear = 0;
        public const int LooseSpring = 1;
        public const int IntermittentContact = 2;
        public const int DetectSwitch = 3;
        public const int ReadFailures = 4;
        public const int RatedLife = 5;
        public const int Count = 6;

        static readonly string[] s_names = new string[]
        {
            "contact_wear", "loose_spring", "intermittent_contact", "detect_switch", "read_failures", "rated_life",
        };

        public static string Name(int fault)
        {
            return fault >= 0 && fault < Count ? s_names[fault] : "fault?";
        }

        /// <summary>Dirt-driven faults: cleaning may clear them once later insertions prove it.</summary>
        public static bool IsCleanable(int fault)
        {
            return fault == IntermittentContact || fault == ReadFailures;
        }
    }
}
