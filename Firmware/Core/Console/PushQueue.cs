using PosSlot.Firmware.Events;

namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// Events the terminal must hear without asking (fallback, transaction_interrupted, health, and
    /// every other milestone with its history id), queued while the core dispatches and written by the console between replies. Fixed size:
    /// when it is full the oldest is dropped and counted, and the next event sent says how many.
    /// </summary>
    public sealed class PushQueue : ISlotEventSink
    {
        public const int Size = 16;

        readonly int[] _code = new int[Size];
        readonly long[] _time = new long[Size];
        readonly int[] _insertion = new int[Size];
        readonly int[] _d1 = new int[Size];
        readonly int[] _d2 = new int[Size];
        readonly int[] _id = new int[Size];

        /// <summary>The history, which sees each event before this queue does: a milestone's id is its newest.</summary>
        public EventLog Log;
        int _start;
        int _count;

        /// <summary>Dropped since the last event was taken, and in all.</summary>
        public long DroppedSinceLast;
        public long DroppedTotal;

        public static bool IsPushed(int code, long detail2)
        {
            return code == EventCode.FallbackForTransaction || code == EventCode.TransactionInterrupted
                || Milestone.Is(code, detail2);
        }

        public void OnSlotEvent(SlotEvent e)
        {
            if (!IsPushed(e.Code, e.Detail2))
            {
                return;
            }
            int slot;
            if (_count == Size)
            {
                slot = _start;
                _start = (_start + 1) % Size;
                DroppedSinceLast++;
                DroppedTotal++;
            }
            else
            {
                slot = (_start + _count) % Size;
                _count++;
            }
            _code[slot] = e.Code;
            _time[slot] = e.TimeUs;
            _insertion[slot] = (int)e.InsertionIndex;
            _d1[slot] = (int)e.Detail1;
            _d2[slot] = (int)e.Detail2;
            _id[slot] = Log != null && Milestone.Is(e.Code, e.Detail2) ? (int)(Log.NextId - 1) : 0;
        }

        /// <summary>Reads the oldest queued event into the out values and removes it; false when empty.</summary>
        public bool Take(out int code, out long timeUs, out long insertion, out long d1, out long d2, out long id, out long dropped)
        {
            code = 0; timeUs = 0; insertion = 0; d1 = 0; d2 = 0; id = 0; dropped = 0;
            if (_count == 0)
            {
                return false;
            }
            code = _code[_start];
            timeUs = _time[_start];
            insertion = _insertion[_start];
            d1 = _d1[_start];
            d2 = _d2[_start];
            id = _id[_start];
            dropped = DroppedSinceLast;
            DroppedSinceLast = 0;
            _start = (_start + 1) % Size;
            _count--;
            return true;
        }
    }
}
