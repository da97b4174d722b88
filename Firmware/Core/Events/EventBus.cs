using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// Hands events to a fixed set of sinks without allocating. A sink may emit while handling an
    /// event (the health analyser does), so each nesting level has its own SlotEvent instance.
    /// Register the log first: it then records a nested event right after the one that caused it.
    /// </summary>
    public sealed class EventBus
    {
        const int MaxSinks = 8;
        const int MaxDepth = 6;

        readonly ISlotEventSink[] _sinks = new ISlotEventSink[MaxSinks];
        readonly SlotEvent[] _events = new SlotEvent[MaxDepth];
        int _sinkCount;
        int _depth;
        IEventsSettledSink _settled;
        int _held;

        public EventBus()
        {
            for (int i = 0; i < MaxDepth; i++)
            {
                _events[i] = new SlotEvent();
            }
        }

        public void Add(ISlotEventSink sink)
        {
            if (_sinkCount == MaxSinks)
            {
                throw new System.InvalidOperationException("too many event sinks");
            }
            _sinks[_sinkCount++] = sink;
        }

        /// <summary>The one listener told when an outermost event has been fully handled.</summary>
        public void SetSettledSink(IEventsSettledSink sink)
        {
            _settled = sink;
        }

        /// <summary>
        /// Holds the settled notice while an action emits several events from outside a dispatch
        /// (a cleaning, a replacement), so nothing snapshots a half-done action. Pair with Release.
        /// </summary>
        public void Hold()
        {
            _held++;
        }

        public void Release()
        {
            _held--;
            if (_held == 0 && _depth == 0 && _settled != null)
            {
                _settled.OnEventsSettled();
            }
        }

        public void Emit(int code, long timeUs, long reportUs, long insertionIndex, InsertionRecord record, long detail1, long detail2)
        {
            if (_depth == MaxDepth)
            {
                // A sink loop would recurse without end; dropping is safer than crashing the board.
                return;
            }
            SlotEvent e = _events[_depth++];
            e.Set(code, timeUs, reportUs, insertionIndex, record, detail1, detail2);
            try
            {
                for (int i = 0; i < _sinkCount; i++)
                {
                    _sinks[i].OnSlotEvent(e);
                }
            }
            finally
            {
                _depth--;
            }
            if (_depth == 0 && _held == 0 && _settled != null)
            {
                _settled.OnEventsSettled();
            }
        }
    }
}
