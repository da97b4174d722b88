using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// The journal's records: what the health analyser used of one finished insertion, or the time
    /// and insertion of another input (detect noise or stuck, a cleaning, a replacement). Fields are
    /// varints, so an insertion takes about 35 bytes with its frame.
    /// </summary>
    public static class JournalEntry
    {
        /// <summary>Writes insertion number `index` (the board's count) as one framed record.</summary>
        public static void WriteInsertion(ByteWriter w, uint sequence, long index, InsertionRecord r)
        {
            w.Reset();
            int start = RecordFrame.Begin(w, RecordKind.Insertion, sequence);
            w.VarLong(index);
            w.VarLong(r.InsertedUs);
            w.VarLong(r.RemovedUs - r.InsertedUs);
            w.VarLong(r.SeatDelayUs);
            w.VarLong(r.ContactBounceSpanUs);
            w.VarLong(r.ContactBounces);
            w.VarLong(r.Interruptions);
            w.VarLong(r.ReadAttempts);
            w.VarLong(r.ReadFailures);
            w.VarLong(r.Flags);
            RecordFrame.End(w, start);
        }

        /// <summary>Fills `rec` from an insertion record's payload; returns its index, or -1 when the payload is not one.</summary>
        public static long ReadInsertion(ByteReader r, InsertionRecord rec)
        {
            long index = r.VarLong();
            rec.Clear();
            rec.Index = index;
            rec.InsertedUs = r.VarLong();
            rec.RemovedUs = rec.InsertedUs + r.VarLong();
            long seatDelay = r.VarLong();
            rec.SeatedUs = seatDelay == InsertionRecord.None ? InsertionRecord.None : rec.InsertedUs + seatDelay;
            rec.ContactBounceSpanUs = r.VarLong();
            rec.ContactBounces = (int)r.VarLong();
            rec.Interruptions = (int)r.VarLong();
            rec.ReadAttempts = (int)r.VarLong();
            rec.ReadFailures = (int)r.VarLong();
            rec.Flags = (int)r.VarLong();
            return r.Failed || r.Remaining != 0 || index < 1 ? -1 : index;
        }

        /// <summary>Writes another input (RecordKind.DetectNoise ... SlotReplaced).</summary>
        public static void WriteInput(ByteWriter w, uint sequence, int kind, long tUs, long insertion)
        {
            w.Reset();
            int start = RecordFrame.Begin(w, kind, sequence);
            w.VarLong(tUs);
            w.VarLong(insertion);
            RecordFrame.End(w, start);
        }
    }
}
