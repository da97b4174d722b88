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

        /// <summary>Cards on which at least one chip read failed: payments the customer or the terminal had to try again.</summary>
        public long PaymentsRetried;

        public void OnSlotEvent(SlotEvent e)
        {
            if (e.Code == EventCode.CardInserted)
            {
                BoardInsertions++;
                SlotInsertions++;
            }
            else if (e.Code == EventCode.CardRemoved && e.Record != null && e.Record.ReadFailures > 0)
            {
                // A card has left (live, or replayed from the journal at boot) after a failed read: a payment retried.
                // Inline, not a call: this runs for every card on the edge path.
                PaymentsRetried++;
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
            w.Long(PaymentsRetried);
        }

        /// <summary>Reads what SaveState wrote in a snapshot of that format version (before 3: no payments retried).</summary>
        public void LoadState(ByteReader r, int version)
        {
            BoardInsertions = r.Long();
            SlotInsertions = r.Long();
            Replacements = r.Long();
            StoreLosses = r.Long();
            PaymentsRetried = version >= 3 ? r.Long() : 0;
            if (BoardInsertions < 0 || SlotInsertions < 0 || SlotInsertions > BoardInsertions || Replacements < 0 || StoreLosses < 0
                || PaymentsRetried < 0 || PaymentsRetried > BoardInsertions)
            {
                r.Failed = true;
            }
        }
    }
}
