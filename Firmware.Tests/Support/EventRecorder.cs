using System.Collections;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// Counts every event and keeps copies of the first ones and of the first finished insertion
    /// records, up to a bound: nanoFramework caps one object at 65,535 heap blocks and a device heap
    /// at a few hundred KiB, so a test must never hold every event of a long run. CountOf and First
    /// stay exact however long the run; Events and Removed hold the first Capacity entries.
    /// A recorder that skips routine events (EventCode.IsRoutine) keeps only what a long run needs.
    /// </summary>
    public sealed class EventRecorder : ISlotEventSink
    {
        public const int DefaultCapacity = 2000;

        public readonly ArrayList Events = new ArrayList();
        public readonly ArrayList Removed = new ArrayList();

        readonly int _capacity;
        readonly bool _keepRoutine;
        readonly int[] _counts = new int[EventCode.Count];
        readonly RecordedEvent[] _first = new RecordedEvent[EventCode.Count];

        /// <summary>Events counted but not kept (past Capacity, or routine ones a streaming recorder skips).</summary>
        public long Dropped;

        /// <summary>Every card_removed seen, kept or not.</summary>
        public long Removals;

        /// <summary>Keeps every event, up to DefaultCapacity: the form table tests use.</summary>
        public EventRecorder()
            : this(DefaultCapacity, true)
        {
        }

        public EventRecorder(int capacity, bool keepRoutine)
        {
            _capacity = capacity;
            _keepRoutine = keepRoutine;
        }

        /// <summary>For long runs: counts everything, keeps the first notable events (no routine lifecycle).</summary>
        public static EventRecorder Streaming()
        {
            return new EventRecorder(DefaultCapacity, false);
        }

        public int Capacity { get { return _capacity; } }

        public void OnSlotEvent(SlotEvent e)
        {
            int code = e.Code > 0 && e.Code < EventCode.Count ? e.Code : 0;
            _counts[code]++;
            bool first = _first[code] == null;
            bool keep = (_keepRoutine || !EventCode.IsRoutine(code)) && Events.Count < _capacity;
            if (first || keep)
            {
                RecordedEvent copy = Copy(e);
                if (first)
                {
                    _first[code] = copy;
                }
                if (keep)
                {
                    Events.Add(copy);
                }
            }
            if (!keep)
            {
                Dropped++;
            }
            if (e.Code == EventCode.CardRemoved)
            {
                Removals++;
                if (Removed.Count < _capacity)
                {
                    InsertionRecord r = new InsertionRecord();
                    e.Record.CopyTo(r);
                    Removed.Add(r);
                }
            }
        }

        static RecordedEvent Copy(SlotEvent e)
        {
            RecordedEvent copy = new RecordedEvent();
            copy.Code = e.Code;
            copy.TimeUs = e.TimeUs;
            copy.ReportUs = e.ReportUs;
            copy.InsertionIndex = e.InsertionIndex;
            copy.Detail1 = e.Detail1;
            copy.Detail2 = e.Detail2;
            return copy;
        }

        public RecordedEvent At(int i)
        {
            return (RecordedEvent)Events[i];
        }

        public InsertionRecord Record(int i)
        {
            return (InsertionRecord)Removed[i];
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

        /// <summary>"code@time" per kept event, the form the tables are checked in.</summary>
        public string Describe()
        {
            string text = "";
            for (int i = 0; i < Events.Count; i++)
            {
                RecordedEvent e = At(i);
                text += (i == 0 ? "" : " ") + EventCode.Name(e.Code) + "@" + e.TimeUs.ToString();
            }
            return text;
        }
    }
}
