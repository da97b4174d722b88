using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// One event as it is handed to sinks. The core reuses a single instance; a sink that keeps
    /// anything copies the fields it needs before returning.
    /// </summary>
    public sealed class SlotEvent
    {
        /// <summary>An EventCode.</summary>
        public int Code;

        /// <summary>When it happened (a line's first edge), in microseconds.</summary>
        public long TimeUs;

        /// <summary>When the core reported it (its processing time): TimeUs plus debounce latency.</summary>
        public long ReportUs;

        /// <summary>The insertion it belongs to (0 when none). Record is null where no card is in.</summary>
        public long InsertionIndex;
        public InsertionRecord Record;

        /// <summary>Small numeric details, meaning per code (line, duration, flag, state...).</summary>
        public long Detail1;
        public long Detail2;

        public void Set(int code, long timeUs, long reportUs, long insertionIndex, InsertionRecord record, long detail1, long detail2)
        {
            Code = code;
            TimeUs = timeUs;
            ReportUs = reportUs;
            InsertionIndex = insertionIndex;
            Record = record;
            Detail1 = detail1;
            Detail2 = detail2;
        }
    }
}
