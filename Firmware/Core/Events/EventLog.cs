using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// The board's history: a bounded ring of milestones (Milestone.Is), one compact entry each, and
    /// the routine events counted per kind since the newest milestone (count, time and insertion of
    /// the last). Routine events never take an entry, so they can never push a milestone out; when
    /// the ring itself is full the oldest re-announcement goes first, then the oldest flag move, else
    /// the oldest change (Milestone.Rank), and `Dropped` counts it. Ids are given to milestones only, strictly increasing
    /// over the board's life (Clear keeps them going; the store skips a reserve after a reboot).
    /// Never allocates after construction.
    /// </summary>
    public sealed class EventLog : ISlotEventSink
    {
        readonly int[] _id;
        readonly long[] _timeUs;
        readonly byte[] _code;
        readonly int[] _insertion;
        readonly int[] _detail1;
        readonly int[] _detail2;
        readonly int[] _routineCount = new int[EventCode.Count];
        readonly long[] _routineLastUs = new long[EventCode.Count];
        readonly int[] _routineLastInsertion = new int[EventCode.Count];
        int _start;
        int _count;
        long _nextId = 1;

        /// <summary>Milestones ever lost to the ring's capacity (expected 0).</summary>
        public long Dropped;

        public EventLog(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentException("capacity must be at least 1");
            }
            _id = new int[capacity];
            _timeUs = new long[capacity];
            _code = new byte[capacity];
            _insertion = new int[capacity];
            _detail1 = new int[capacity];
            _detail2 = new int[capacity];
        }

        public int Capacity { get { return _id.Length; } }

        /// <summary>Milestones held.</summary>
        public int Count { get { return _count; } }

        /// <summary>The id the next milestone will get.</summary>
        public long NextId { get { return _nextId; } }

        public void OnSlotEvent(SlotEvent e)
        {
            Append(e.Code, e.TimeUs, e.InsertionIndex, e.Detail1, e.Detail2);
        }

        /// <summary>Takes one event: a milestone gets an entry (and the routine counts restart), a routine one is counted.</summary>
        public void Append(int code, long timeUs, long insertion, long detail1, long detail2)
        {
            if (!Milestone.Is(code, detail2))
            {
                CountRoutine(code, timeUs, insertion);
                return;
            }
            if (_count == _id.Length)
            {
                RemoveAt(OldestEvictable());
                Dropped++;
            }
            int slot = (_start + _count) % _id.Length;
            _count++;
            _id[slot] = (int)_nextId++;
            _timeUs[slot] = timeUs;
            _code[slot] = (byte)code;
            _insertion[slot] = Small(insertion);
            _detail1[slot] = Small(detail1);
            _detail2[slot] = Small(detail2);
            ClearRoutine();
        }

        /// <summary>Empties the history and the routine counts (an authenticated console action) and records how many milestones went.</summary>
        public void Clear(long timeUs)
        {
            long cleared = _count;
            _start = 0;
            _count = 0;
            Append(EventCode.LogCleared, timeUs, 0, cleared, 0);
        }

        // Milestone i, oldest first (0 .. Count-1).
        public long IdAt(int i) { return _id[Slot(i)]; }
        public long TimeAt(int i) { return _timeUs[Slot(i)]; }
        public int CodeAt(int i) { return _code[Slot(i)]; }
        public long InsertionAt(int i) { return _insertion[Slot(i)]; }
        public long Detail1At(int i) { return _detail1[Slot(i)]; }
        public long Detail2At(int i) { return _detail2[Slot(i)]; }

        /// <summary>Routine events of this kind since the newest milestone.</summary>
        public long RoutineCount(int code) { return code > 0 && code < EventCode.Count ? _routineCount[code] : 0; }

        /// <summary>When the last routine event of this kind since the newest milestone happened (µs), and at which insertion.</summary>
        public long RoutineLastUs(int code) { return _routineLastUs[code]; }
        public long RoutineLastInsertion(int code) { return _routineLastInsertion[code]; }

        void CountRoutine(int code, long timeUs, long insertion)
        {
            // A card's own lifecycle is in the insertion counters; transaction_interrupted is kept (the terminal acts on it).
            if (code <= 0 || code >= EventCode.Count || code == EventCode.CardInserted || code == EventCode.CardSeated
                || code == EventCode.CardRemoved || code == EventCode.ReadSucceeded)
            {
                return;
            }
            if (_routineCount[code] < int.MaxValue)
            {
                _routineCount[code]++;
            }
            _routineLastUs[code] = timeUs;
            _routineLastInsertion[code] = Small(insertion);
        }

        void ClearRoutine()
        {
            for (int c = 0; c < EventCode.Count; c++)
            {
                _routineCount[c] = 0;
                _routineLastUs[c] = 0;
                _routineLastInsertion[c] = 0;
            }
        }

        /// <summary>The oldest entry of the lowest rank held (Milestone.Rank).</summary>
        int OldestEvictable()
        {
            int best = 0;
            int bestRank = int.MaxValue;
            for (int i = 0; i < _count && bestRank > Milestone.Reminder; i++)
            {
                int slot = Slot(i);
                int rank = Milestone.Rank(_code[slot], _detail2[slot]);
                if (rank < bestRank)
                {
                    best = i;
                    bestRank = rank;
                }
            }
            return best;
        }

        /// <summary>Removes milestone i, closing the gap (rare: only when the ring is full).</summary>
        void RemoveAt(int i)
        {
            for (int k = i; k < _count - 1; k++)
            {
                int to = Slot(k);
                int from = Slot(k + 1);
                _id[to] = _id[from];
                _timeUs[to] = _timeUs[from];
                _code[to] = _code[from];
                _insertion[to] = _insertion[from];
                _detail1[to] = _detail1[from];
                _detail2[to] = _detail2[from];
            }
            _count--;
        }

        int Slot(int i)
        {
            if (i < 0 || i >= _count)
            {
                throw new System.ArgumentOutOfRangeException("i");
            }
            return (_start + i) % _id.Length;
        }

        static int Small(long v)
        {
            return v > int.MaxValue ? int.MaxValue : (v < int.MinValue ? int.MinValue : (int)v);
        }

        /// <summary>Writes every milestone (oldest first), the routine counts, the next id and the drop count.</summary>
        public void SaveState(ByteWriter w)
        {
            w.VarLong(_nextId);
            w.VarLong(Dropped);
            w.VarLong(_count);
            for (int i = 0; i < _count; i++)
            {
                int slot = Slot(i);
                w.VarLong(_id[slot]);
                w.VarLong(_timeUs[slot]);
                w.Byte(_code[slot]);
                w.VarLong(_insertion[slot]);
                w.VarLong(_detail1[slot]);
                w.VarLong(_detail2[slot]);
            }
            int kinds = 0;
            for (int c = 0; c < EventCode.Count; c++)
            {
                if (_routineCount[c] > 0)
                {
                    kinds++;
                }
            }
            w.VarLong(kinds);
            for (int c = 0; c < EventCode.Count; c++)
            {
                if (_routineCount[c] > 0)
                {
                    w.Byte(c);
                    w.VarLong(_routineCount[c]);
                    w.VarLong(_routineLastUs[c]);
                    w.VarLong(_routineLastInsertion[c]);
                }
            }
        }

        /// <summary>Replaces the history with what SaveState wrote; ids carry on from the saved next id.</summary>
        public void LoadState(ByteReader r)
        {
            long nextId = r.VarLong();
            long dropped = r.VarLong();
            long n = r.VarLong();
            _start = 0;
            _count = 0;
            ClearRoutine();
            if (n < 0 || n > _id.Length)
            {
                r.Failed = true;
                return;
            }
            long lastId = 0;
            for (int i = 0; i < n && !r.Failed; i++)
            {
                long id = r.VarLong();
                long time = r.VarLong();
                int code = r.Byte();
                long insertion = r.VarLong();
                long d1 = r.VarLong();
                long d2 = r.VarLong();
                if (id <= lastId || id >= nextId || !Milestone.Is(code, d2))
                {
                    r.Failed = true;
                    return;
                }
                lastId = id;
                _nextId = id;
                Append(code, time, insertion, d1, d2);
            }
            long kinds = r.VarLong();
            for (int k = 0; k < kinds && k < EventCode.Count && !r.Failed; k++)
            {
                int code = r.Byte();
                long count = r.VarLong();
                long lastUs = r.VarLong();
                long lastInsertion = r.VarLong();
                if (code <= 0 || code >= EventCode.Count || count < 1 || count > int.MaxValue)
                {
                    r.Failed = true;
                    return;
                }
                _routineCount[code] = (int)count;
                _routineLastUs[code] = lastUs;
                _routineLastInsertion[code] = Small(lastInsertion);
            }
            _nextId = nextId;
            Dropped = dropped;
            if (nextId < 1 || nextId > int.MaxValue || dropped < 0 || kinds < 0 || kinds > EventCode.Count)
            {
                r.Failed = true;
            }
        }

        /// <summary>
        /// Reads a version-1 snapshot's log (every notable event, fixed-width fields) into the history:
        /// its milestones keep their ids, the rest become routine counts. The store's migration.
        /// </summary>
        public void LoadVersion1(ByteReader r)
        {
            long nextId = r.Long();
            long dropped = r.Long();
            int n = r.IntIn(0, 4096);
            _start = 0;
            _count = 0;
            ClearRoutine();
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
            // Version 1 dropped routine and milestone entries alike: keep its count, the history may lack that many.
            Dropped = dropped;
            if (nextId < 1 || nextId > int.MaxValue || dropped < 0)
            {
                r.Failed = true;
            }
        }

        /// <summary>
        /// Skips ids after a power cut: milestones logged after the last snapshot are gone (replay logs
        /// them again), and their ids must never be given to other events a technician might confuse them with.
        /// </summary>
        public void SkipIds(long count)
        {
            _nextId += count;
        }
    }
}
