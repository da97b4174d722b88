namespace PosSlot.Firmware.Health
{
    /// <summary>Maintenance advice in English: what the fault is, and what to do at each level.</summary>
    public static class AdviceEn
    {
        /// <summary>What the evidence shows, one entry per FaultClass.</summary>
        public static readonly string[] Diagnosis = new string[]
        {
            // ContactWear
            "Contacts are wearing: bounce has grown since the slot was new.",
            // LooseSpring
            "Contact spring loose or fatigued: cards seat late or not at all.",
            // IntermittentContact
            "Intermittent contact (dirt or fretting): the contact drops while the card is in.",
            // DetectSwitch
            "Card-detect switch misbehaving: it does not follow the card.",
            // ReadFailures
            "Chip reads failing (card not recognised).",
            // RatedLife
            "The slot is near or past its rated insertion life.",
        };

        /// <summary>Watch: what to check at the next visit, one entry per FaultClass.</summary>
        public static readonly string[] Check = new string[]
        {
            "At the next visit: clean the slot and the card contacts, and watch whether the bounce keeps growing.",
            "At the next visit: inspect the spring and check the insertion technique (insert fully and steadily).",
            "At the next visit: clean the slot and the card; look for heat and humidity near the terminal.",
            "At the next visit: check that the switch lever moves freely and is not bent.",
            "At the next visit: clean the slot and the card contacts; check the insertion technique.",
            "At the next visit: note the count and plan the replacement; avoid excessive insertions.",
        };

        /// <summary>Degraded: plan the replacement; a cleanable fault is cleaned first.</summary>
        public const string Plan = "Plan the replacement: order a slot through the supplier and book the visit; the slot still works meanwhile.";
        public const string CleanThenPlan = "Clean the slot now; if the fault stays after cleaning, plan the replacement through the supplier.";

        /// <summary>Failed: the slot fails payments.</summary>
        public const string UseExternalReader = "Use the external reader now: the slot fails payments. Replace the slot through the supplier.";
        public const string UseExternalReaderThenClean = "Use the external reader now: the slot fails payments. Clean the slot; replace it through the supplier if the fault returns.";
    }
}
