namespace PosSlot.Firmware.Health
{
    /// <summary>Looks up maintenance advice for a fault class in one of the supported languages.</summary>
    public static class Advice
    {
        public const int English = 0;
        public const int Chinese = 1;

        public static string For(int fault, int language)
        {
            string[] table = language == Chinese ? AdviceZh.Table : AdviceEn.Table;
            return fault >= 0 && fault < table.Length ? table[fault] : "";
        }
    }
}
