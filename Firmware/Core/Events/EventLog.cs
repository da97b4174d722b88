using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// A bounded ring of the slot's notable events (routine lifecycle events are counted, not
    /// logged). Never blocks and never allocates after construction: when full it overwrites the
    /// oldest entry and counts it as dropped. Ids are monotonic and survive Clear.
    /// </summary>
    public sealed class EventLog : ISlotEventSink
    {
        readonly long[] _id;
        readonly long[] _timeUs;
        readonly int[] _code;
        readonly long[] _insertion;
        readonly long[] _detail1;
        readonly long[] _detail2;
        int _start;
        int _count;
        long _nextId = 1;

        /// <summary>Entries overwritten before anyone read them.</summary>
        public long Dropped;

        public EventLog(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentException("capacity must be at least 1");
            }
            _id = new long[capacity];
            _timeUs = new long[capacity];
            _code = new int[capacity];
            _insertion = new long[capacity];
            _detail1 = new long[capacity];
            _detail2 = new long[capacity];
        }

        public int Capacity { get { return _id.Length; } }
        public int Count { get { return _count; } }

        /// <summary>The id the next entry will get.</summary>
        public long NextId { get { return _nextId; } }

        public void OnSlotEvent(SlotEvent e)
        {
            if (!EventCode.IsRoutine(e.Code))
            {
                Append(e.Code, e.TimeUs, e.InsertionIndex, e.Detail1, e.Detail2);
            }
        }

        public void Append(int code, long timeUs, long insertion, long detail1, long detail2)
        {
            int slot;
            if (_count == _id.Length)
            {
                slot = _start;
                _start = (_start + 1) % _id.Length;
                Dropped++;
            }
            else
            {
                slot = (_start + _count) % _id.Length;
                _count++;
            }
            _id[slot] = _nextId++;
            _timeUs[slot] = timeUs;
            _code[slot] = code;
            _insertion[slot] = insertion;
            _detail1[slot] = detail1;
            _detail2[slot] = detail2;
        }

        /// <summary>Empties the log (an authenticated console action) and records that it did.</summary>
        public void Clear(long timeUs)
        {
            long cleared = _count;
            _start = 0;
            _count = 0;
            Append(EventCode.LogCleared, timeUs, 0, cleared, 0);
        }

        // Entry i, oldest first (0 .. Count-1).
        public long IdAt(int i) { return _id[Slot(i)]; }
        public long TimeAt(int i) { return _timeUs[Slot(i)]; }
        public int CodeAt(int i) { return _code[Slot(i)]; }
        public long InsertionAt(int i) { return _insertion[Slot(i)]; }
        public long Detail1At(int i) { return _detail1[Slot(i)]; }
        public long Detail2At(int i) { return _detail2[Slot(i)]; }

        int Slot(int i)
        {
            if (i < 0 || i >= _count)
            {
                throw new System.ArgumentOutOfRangeException("i");
            }
            return (_start + i) % _id.Length;
        }
    
        /// <summary>Writes the newest `keep` entries (oldest first), the next id and the drop count.</summary>
        public void SaveState(ByteWriter w, int keep)
        {
            int n = _count < keep ? _count : keep;
            w.Long(_nextId);
            w.Long(Dropped);
            w.Int(n);
            for (int i = _count - n; i < _count; i++)
            {
                int slot = Slot(i);
                w.Long(_id[slot]);
                w.Long(_timeUs[slot]);
                w.Int(_code[slot]);
                w.Long(_insertion[slot]);
                w.Long(_detail1[slot]);
                w.Long(_detail2[slot]);
            }
        }

        /// <summary>Replaces the log with what SaveState wrote; ids carry on from the saved next id.</summary>
        public void LoadState(ByteReader r)
        {
            long nextId = r.Long();
            long dropped = r.Long();
            int n = r.IntIn(0, _id.Length);
            _start = 0;
            _count = 0;
            for (int i = 0; i < n && !r.Failed; i++)
            {
                long id = r.Long();
                long time = r.Long();
                int code = r.Int();
                long insertion = r.Long();
                long d1 = r.Long();
                long d2 = r.Long();
                _nextId = id;
                Append(code, time, insertion, d1, d2);
            }
            _nextId = nextId;
            Dropped = dropped;
            if (nextId < 1 || dropped < 0)
            {
                r.Failed = true;
            }
        }

        /// <summary>
        /// Skips ids after a power cut: entries logged after the last snapshot are gone, and their ids
        /// must never be given to other events a technician might confuse them with.
        /// </summary>
        public void SkipIds(long count)
        {
            _nextId += count;
        }
    }
}
