using PosSlot.Firmware.Events;

namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// Insertion counts: the board's lifetime total (never reset) and this slot's since it was
    /// fitted (reset when the slot is replaced), with the number of replacements.
    /// </summary>
    public sealed class SlotCounters : ISlotEventSink
    {
        public long BoardInsertions;
        public long SlotInsertions;
        public long Replacements;

        public void OnSlotEvent(SlotEvent e)
        {
            if (e.Code == EventCode.CardInserted)
            {
                BoardInsertions++;
                SlotInsertions++;
            }
        }

        public void SlotReplaced()
        {
            SlotInsertions = 0;
            Replacements++;
        }
    }
}
