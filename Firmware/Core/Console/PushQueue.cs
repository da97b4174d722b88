using PosSlot.Firmware.Events;

namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// Events the terminal must hear without asking (fallback, transaction_interrupted, health),
    /// queued while the core dispatches and written by the console between replies. Fixed size:
    /// when it is full the oldest is dropped and counted, and the next event sent says how many.
    /// </summary>
    public sealed class PushQueue : ISlotEventSink
    {
        public const int Size = 16;

        readonly int[] _code = new int[Size];
        readonly long[] _time = new long[Size];
        readonly long[] _insertion = new long[Size];
        readonly long[] _d1 = new long[Size];
        readonly long[] _d2 = new long[Size];
        int _start;
        int _count;

        /// <summary>Dropped since the last event was taken, and in all.</summary>
        public long DroppedSinceLast;
        public long DroppedTotal;

        public static bool IsPushed(int code)
        {
            return code == EventCode.FallbackEngaged || code == EventCode.FallbackReleased
                || code == EventCode.FallbackForTransaction || code == EventCode.TransactionInterrupted
                || code == EventCode.HealthChanged;
        }

        public void OnSlotEvent(SlotEvent e)
        {
            if (!IsPushed(e.Code))
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
            _insertion[slot] = e.InsertionIndex;
            _d1[slot] = e.Detail1;
            _d2[slot] = e.Detail2;
        }

        /// <summary>Reads the oldest queued event into the out values and removes it; false when empty.</summary>
        public bool Take(out int code, out long timeUs, out long insertion, out long d1, out long d2, out long dropped)
        {
            code = 0; timeUs = 0; insertion = 0; d1 = 0; d2 = 0; dropped = 0;
            if (_count == 0)
            {
                return false;
            }
            code = _code[_start];
            timeUs = _time[_start];
            insertion = _insertion[_start];
            d1 = _d1[_start];
            d2 = _d2[_start];
            dropped = DroppedSinceLast;
            DroppedSinceLast = 0;
            _start = (_start + 1) % Size;
            _count--;
            return true;
        }
    }
}
