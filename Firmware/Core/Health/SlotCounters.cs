using PosSlot.Firmware.Persistence;
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
    
        /// <summary>Times the store was found lost (reformatted or unreadable) at boot: above 0, the counts are lower bounds.</summary>
        public long StoreLosses;

        public void SaveState(ByteWriter w)
        {
            w.Long(BoardInsertions);
            w.Long(SlotInsertions);
            w.Long(Replacements);
            w.Long(StoreLosses);
        }

        public void LoadState(ByteReader r)
        {
            BoardInsertions = r.Long();
            SlotInsertions = r.Long();
            Replacements = r.Long();
            StoreLosses = r.Long();
            if (BoardInsertions < 0 || SlotInsertions < 0 || SlotInsertions > BoardInsertions || Replacements < 0 || StoreLosses < 0)
            {
                r.Failed = true;
            }
        }
    }
}
