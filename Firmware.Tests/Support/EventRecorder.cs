using System.Collections;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// What a test needs to know of the events a core reported, in memory that does not grow with the
    /// run (a device heap is a few hundred KB, and nanoFramework caps one object at 65,535 blocks).
    /// Always exact however long the run: the count and first event of every code, every removal,
    /// the first flag raised for each fault class at each level and how many flags each class raised.
    /// The table form (new EventRecorder()) also keeps every event and finished insertion record, in
    /// order, up to Capacity, for table tests of a few cards; the streaming form (Streaming()) keeps
    /// only the last RecentCount notable events, in a ring whose entries are reused, for messages.
    /// </summary>
    public sealed class EventRecorder : ISlotEventSink
    {
        /// <summary>Events (and records) a table recorder keeps: far more than any table test makes.</summary>
        public const int DefaultCapacity = 256;

        /// <summary>The notable events a streaming recorder keeps, newest last.</summary>
        public const int RecentCount = 16;

        const int Levels = HealthState.Failed + 1;

        readonly ArrayList _events;
        readonly ArrayList _removed;
        readonly RecordedEvent[] _recent;
        int _recentStart;
        int _recentCount;

        readonly int _capacity;
        readonly int[] _counts = new int[EventCode.Count];
        readonly RecordedEvent[] _first = new RecordedEvent[EventCode.Count];
        readonly RecordedEvent[] _firstFlag = new RecordedEvent[FaultClass.Count * Levels];
        readonly int[] _flagsRaised = new int[FaultClass.Count];

        /// <summary>Events seen but not kept (past Capacity, or routine and older ones a streaming recorder does not keep).</summary>
        public long Dropped;

        /// <summary>Every card_removed seen, kept or not.</summary>
        public long Removals;

        /// <summary>Keeps every event and record, up to DefaultCapacity: the form table tests use.</summary>
        public EventRecorder()
            : this(DefaultCapacity)
        {
        }

        public EventRecorder(int capacity)
        {
            _capacity = capacity;
            _events = new ArrayList();
            _removed = new ArrayList();
            HeapProbe.Root(this);
        }

        EventRecorder(RecordedEvent[] recent)
        {
            _recent = recent;
            for (int i = 0; i < recent.Length; i++)
            {
                recent[i] = new RecordedEvent();
            }
            HeapProbe.Root(this);
        }

        /// <summary>For long runs: exact counts and firsts, and the last RecentCount notable events.</summary>
        public static EventRecorder Streaming()
        {
            return new EventRecorder(new RecordedEvent[RecentCount]);
        }

        public bool IsStreaming { get { return _recent != null; } }

        public int Capacity { get { return IsStreaming ? _recent.Length : _capacity; } }

        /// <summary>Events kept: all of a table run's (up to Capacity), or the recent notable ones.</summary>
        public int Count { get { return IsStreaming ? _recentCount : _events.Count; } }

        /// <summary>Insertion records kept (a table recorder's; a streaming one keeps none).</summary>
        public int RemovedCount { get { return IsStreaming ? 0 : _removed.Count; } }

        public void OnSlotEvent(SlotEvent e)
        {
            int code = e.Code > 0 && e.Code < EventCode.Count ? e.Code : 0;
            _counts[code]++;
            if (_first[code] == null)
            {
                _first[code] = Copy(e, new RecordedEvent());
            }
            if (code == EventCode.FlagRaised)
            {
                Flag(e);
            }
            if (IsStreaming)
            {
                Recent(e, code);
            }
            else if (_events.Count < _capacity)
            {
                _events.Add(Copy(e, new RecordedEvent()));
            }
            else
            {
                Dropped++;
            }
            if (e.Code == EventCode.CardRemoved)
            {
                Removals++;
                if (!IsStreaming && _removed.Count < _capacity)
                {
                    InsertionRecord r = new InsertionRecord();
                    e.Record.CopyTo(r);
                    _removed.Add(r);
                }
            }
        }

        void Recent(SlotEvent e, int code)
        {
            if (EventCode.IsRoutine(code))
            {
                Dropped++;
                return;
            }
            if (_recentCount == _recent.Length)
            {
                Copy(e, _recent[_recentStart]);
                _recentStart = (_recentStart + 1) % _recent.Length;
                Dropped++;
                return;
            }
            Copy(e, _recent[(_recentStart + _recentCount) % _recent.Length]);
            _recentCount++;
        }

        void Flag(SlotEvent e)
        {
            int fault = (int)e.Detail1;
            if (fault < 0 || fault >= FaultClass.Count)
            {
                return;
            }
            _flagsRaised[fault]++;
            int level = HealthDetail.FlagLevel(e.Detail2);
            for (int l = 0; l < Levels && l <= level; l++)
            {
                if (_firstFlag[fault * Levels + l] == null)
                {
                    _firstFlag[fault * Levels + l] = Copy(e, new RecordedEvent());
                }
            }
        }

        static RecordedEvent Copy(SlotEvent e, RecordedEvent copy)
        {
            copy.Code = e.Code;
            copy.TimeUs = e.TimeUs;
            copy.ReportUs = e.ReportUs;
            copy.InsertionIndex = e.InsertionIndex;
            copy.Detail1 = e.Detail1;
            copy.Detail2 = e.Detail2;
            return copy;
        }

        /// <summary>Kept event i, oldest first (a streaming recorder's entries are overwritten as events arrive).</summary>
        public RecordedEvent At(int i)
        {
            if (IsStreaming)
            {
                return _recent[(_recentStart + i) % _recent.Length];
            }
            return (RecordedEvent)_events[i];
        }

        /// <summary>Kept insertion record i, oldest first (table recorders only).</summary>
        public InsertionRecord Record(int i)
        {
            return (InsertionRecord)_removed[i];
        }

        /// <summary>How many events of this code were seen (kept or not).</summary>
        public int CountOf(int code)
        {
            return code > 0 && code < EventCode.Count ? _counts[code] : 0;
        }

        /// <summary>The first event of this code seen (kept or not), or null.</summary>
        public RecordedEvent First(int code)
        {
            return code > 0 && code < EventCode.Count ? _first[code] : null;
        }

        /// <summary>The first FlagRaised for a fault class at or above a level, or null.</summary>
        public RecordedEvent FirstFlag(int fault, int level)
        {
            if (fault < 0 || fault >= FaultClass.Count || level < 0 || level >= Levels)
            {
                return null;
            }
            return _firstFlag[fault * Levels + level];
        }

        /// <summary>How many times a fault class was flagged (FlagRaised, any level).</summary>
        public int FlagsRaised(int fault)
        {
            return fault >= 0 && fault < FaultClass.Count ? _flagsRaised[fault] : 0;
        }

        /// <summary>"code@time" per kept event, the form the tables are checked in.</summary>
        public string Describe()
        {
            string text = "";
            for (int i = 0; i < Count; i++)
            {
                RecordedEvent e = At(i);
                text += (i == 0 ? "" : " ") + EventCode.Name(e.Code) + "@" + e.TimeUs.ToString();
            }
            return text;
        }
    }
}
