namespace PosSlot.Firmware.Health
{
    /// <summary>Maintenance advice in English, one entry per FaultClass.</summary>
    public static class AdviceEn
    {
        public static readonly string[] Table = new string[]
        {
            // ContactWear
            "Contacts are wearing: bounce has grown since the slot was new. Clean the slot and the card contacts; plan a slot replacement through the supplier; avoid excessive insertions.",
            // LooseSpring
            "Contact spring loose or fatigued: cards seat late or not at all. Inspect the spring; check insertion technique (insert fully and steadily); replace the slot through the supplier if it persists. Use the external reader meanwhile.",
            // IntermittentContact
            "Intermittent contact (dirt or fretting): the contact drops while the card is in. Clean the slot and the card; avoid heat and humidity. If it returns after cleaning, replace the slot through the supplier.",
            // DetectSwitch
            "Card-detect switch damaged (bent or broken): it no longer follows the card. Use the external reader now; replace the slot through the supplier.",
            // ReadFailures
            "Chip reads failing (card not recognised). Clean the slot and the card contacts; check insertion technique. If failures continue, use the external reader and replace the slot through the supplier.",
            // RatedLife
            "The slot is near or past its rated insertion life. Plan a replacement through the supplier; avoid excessive insertions.",
        };
    }
}
