namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// Maintenance advice for a fault at a level, in one of the supported languages: what the
    /// evidence shows, then what to do. Watch says what to check at the next visit, Degraded says
    /// plan the replacement, Failed says use the external reader now.
    /// </summary>
    public static class Advice
    {
        public const int English = 0;
        public const int Chinese = 1;

        public static string For(int fault, int level, int language)
        {
            if (fault < 0 || fault >= FaultClass.Count || level <= HealthState.Healthy || level > HealthState.Failed)
            {
                return "";
            }
            bool zh = language == Chinese;
            string diagnosis = zh ? AdviceZh.Diagnosis[fault] : AdviceEn.Diagnosis[fault];
            // Chinese runs sentences together; English puts a space between them.
            return diagnosis + (zh ? "" : " ") + Action(fault, level, zh);
        }

        static string Action(int fault, int level, bool zh)
        {
            bool cleanable = FaultClass.IsCleanable(fault);
            if (level == HealthState.Watch)
            {
                return zh ? AdviceZh.Check[fault] : AdviceEn.Check[fault];
            }
            if (level == HealthState.Degraded)
            {
                return cleanable ? (zh ? AdviceZh.CleanThenPlan : AdviceEn.CleanThenPlan) : (zh ? AdviceZh.Plan : AdviceEn.Plan);
            }
            return cleanable
                ? (zh ? AdviceZh.UseExternalReaderThenClean : AdviceEn.UseExternalReaderThenClean)
                : (zh ? AdviceZh.UseExternalReader : AdviceEn.UseExternalReader);
        }
    }
}
