using PosSlot.Firmware.Debounce;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware
{
    /// <summary>
    /// The firmware core's entry point. The device layer (or a test, or the emulator) calls
    /// OnEdge for every raw edge it captures, arms one timer for NextDeadlineUs and calls Advance
    /// when it fires. Work grows with edges and deadlines, never with elapsed time.
    ///
    /// Lines settle at different times (a long detect bounce can end after a short contact bounce
    /// that started later), so settled transitions wait in a small time-ordered queue until no
    /// line still has an earlier edge open; the monitor then sees them in the order they happened.
    ///
    /// On the board this runs interpreted, where every call costs: the core keeps each line's and
    /// the monitor's deadline as they hand them back (Edge and Advance return it) and reads a
    /// line's open edge only when a queued transition or the monitor's window depends on it.
    /// </summary>
    public sealed class SlotCore : ILineSink
    {
        const int QueueCapacity = 8;

        /// <summary>Queue level of a burst that ended where it began.</summary>
        const int NoiseLevel = -1;

        readonly DebouncedLine[] _lines = new DebouncedLine[SlotLine.Count];
        readonly EventBus _bus = new EventBus();
        readonly SlotMonitor _monitor;

        readonly int[] _qLine = new int[QueueCapacity];
        readonly int[] _qLevel = new int[QueueCapacity];
        readonly long[] _qFirstUs = new long[QueueCapacity];
        readonly long[] _qLastUs = new long[QueueCapacity];
        readonly int[] _qEdges = new int[QueueCapacity];
        int _qCount;

        // Each line's NextDeadlineUs and the monitor's, as last handed back: refreshed after every
        // call that may change them, so a pass reads no deadline twice.
        readonly long[] _lineDue = new long[SlotLine.Count];
        long _monitorNext = Time.NoDeadline;

        long _nowUs;

        // NextDeadlineUs, kept current: recomputed once per change, not on every read or loop pass.
        long _due = Time.NoDeadline;
        bool _monitorDue;

        /// <summary>Edges stamped earlier than one already seen; they are taken as happening now.</summary>
        public long OutOfOrderEdges;

        /// <summary>Work counters for the deterministic cost measure (Benchmarks --counts): passes of Advance's loop, and edges.</summary>
        public long AdvancePasses;
        public long Edges;

        // The rest of the work counters, kept so that the usual edge and pass pay no increment of
        // their own (each is 7 interpreted instructions): every edge takes its line's deadline, and
        // every pass but the monitor's computes the earliest deadline.
        long _otherReads;
        long _recomputes;
        long _monitorPasses;

        /// <summary>Computations of the earliest deadline over all lines and the monitor.</summary>
        public long DeadlineEvaluations { get { return _recomputes + AdvancePasses - _monitorPasses; } }

        /// <summary>How often the core took a deadline or earliest open edge from a line or the monitor (issue 18: at most 3 per edge).</summary>
        public long DeadlineReads { get { return Edges + _otherReads; } }

        public SlotCore(SlotConfig config)
        {
            for (int line = 0; line < SlotLine.Count; line++)
            {
                _lines[line] = new DebouncedLine(line, config.ForLine(line), this, 0);
                _lineDue[line] = Time.NoDeadline;
            }
            _monitor = new SlotMonitor(config.Monitor, _bus);
        }

        public SlotMonitor Monitor { get { return _monitor; } }
        public EventBus Bus { get { return _bus; } }

        /// <summary>The latest time the core has been told about.</summary>
        public long NowUs { get { return _nowUs; } }

        public DebouncedLine Line(int line)
        {
            return _lines[line];
        }

        public void AddSink(ISlotEventSink sink)
        {
            _bus.Add(sink);
        }

        /// <summary>A raw edge on a line: its logical level after the edge, stamped in microseconds.</summary>
        public void OnEdge(int line, int level, long tUs)
        {
            // Unsigned compares: a negative line or time is out of range too, in one test each (this runs interpreted).
            if ((uint)line >= SlotLine.Count)
            {
                throw new System.ArgumentException("no such line");
            }
            if ((ulong)tUs > Time.MaxUs)
            {
                Time.Check(tUs); // throws; the test is inline because a call per edge costs on the board
            }
            Edges++;
            if (tUs < _nowUs)
            {
                // The capture layer merged its sources out of order: keep the edge, say so.
                OutOfOrderEdges++;
                _bus.Emit(EventCode.EdgeOutOfOrder, _nowUs, _nowUs, _monitor.CurrentIndex, _monitor.Current, line, _nowUs - tUs);
                tUs = _nowUs;
            }
            if (_due <= tUs)
            {
                Advance(tUs);
            }
            else if (tUs > _nowUs)
            {
                _nowUs = tUs;
            }
            long lineDue = _lines[line].Edge(tUs, level == 0 ? 0 : 1); // a deadline read, counted by Edges
            _lineDue[line] = lineDue;
            if (_qCount > 0)
            {
                // A glitch just discarded may have been all that held a queued transition back.
                Flush(tUs);
            }
            if (lineDue <= _due && lineDue <= _monitorNext)
            {
                // The usual edge: this line now wants Advance first. Every other line is at least
                // as late as the old deadline, and the monitor no earlier than this line, so the new
                // deadline is this one whatever the edge closed.
                _due = lineDue;
                _monitorDue = false;
                return;
            }
            RecomputeDue();
            if (_due <= tUs)
            {
                // A delivery just released may leave the monitor a window that has already run out.
                Advance(tUs);
            }
        }

        /// <summary>The terminal reports the outcome of a chip read on the current card.</summary>
        public void OnReadResult(bool ok, long tUs)
        {
            Time.Check(tUs);
            Advance(tUs);
            // A read result is counted on the record; it moves none of the monitor's windows.
            _monitor.OnReadResult(ok, _nowUs);
        }

        /// <summary>When the core next needs Advance; Time.NoDeadline when it is idle.</summary>
        public long NextDeadlineUs { get { return _due; } }

        /// <summary>
        /// Handles every deadline up to nowUs in time order and returns the next one (as
        /// NextDeadlineUs). Calling it late is safe.
        /// </summary>
        public long Advance(long nowUs)
        {
            if ((ulong)nowUs > Time.MaxUs)
            {
                Time.Check(nowUs); // throws
            }
            while (_due <= nowUs)
            {
                AdvancePasses++;
                long due = _due;
                if (_monitorDue)
                {
                    _monitorPasses++;
                    _monitor.Advance(due);
                    _otherReads++;
                    _monitorNext = _monitor.NextDeadlineUs;
                    RecomputeDue();
                    continue;
                }
                // The lines due, and in the same loop the earliest line deadline after them:
                // RecomputeDue inline, the usual pass (a call per pass costs on the board).
                long lineDue = Time.NoDeadline;
                for (int i = 0; i < SlotLine.Count; i++)
                {
                    long d = _lineDue[i];
                    if (d <= due)
                    {
                        _otherReads++;
                        d = _lines[i].Advance(due);
                        _lineDue[i] = d;
                    }
                    if (d < lineDue)
                    {
                        lineDue = d;
                    }
                }
                if (_qCount > 0)
                {
                    Flush(due);
                }
                long monitorDue = _monitorNext;
                _monitorDue = monitorDue < lineDue && !OpenAtOrBefore(monitorDue, lineDue);
                _due = _monitorDue ? monitorDue : lineDue;
            }
            if (nowUs > _nowUs)
            {
                _nowUs = nowUs;
            }
            return _due;
        }

        /// <summary>
        /// The earliest deadline over the lines and the monitor. The monitor's waits only while no
        /// edge at or before it is still open: that edge may change what the monitor knows.
        /// Advance's usual pass does the same inline.
        /// </summary>
        void RecomputeDue()
        {
            _recomputes++;
            long lineDue = _lineDue[0];
            for (int i = 1; i < SlotLine.Count; i++)
            {
                if (_lineDue[i] < lineDue)
                {
                    lineDue = _lineDue[i];
                }
            }
            long monitorDue = _monitorNext;
            _monitorDue = monitorDue < lineDue && !OpenAtOrBefore(monitorDue, lineDue);
            _due = _monitorDue ? monitorDue : lineDue;
        }

        /// <summary>
        /// True when some edge at or before tUs has not reached the monitor yet. A line with an
        /// edge open always has a deadline, so only lines with one need asking (none: lineDue).
        /// </summary>
        bool OpenAtOrBefore(long tUs, long lineDue)
        {
            if (_qCount > 0 && _qFirstUs[0] <= tUs)
            {
                return true;
            }
            if (lineDue == Time.NoDeadline)
            {
                return false;
            }
            for (int i = 0; i < SlotLine.Count; i++)
            {
                if (_lineDue[i] != Time.NoDeadline)
                {
                    _otherReads++;
                    if (_lines[i].EarliestOpenUs <= tUs)
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        void ILineSink.OnLineSettled(int line, int level, long firstUs, long lastUs, int edges, long reportUs)
        {
            Enqueue(line, level, firstUs, lastUs, edges, reportUs);
        }

        void Enqueue(int line, int level, long firstUs, long lastUs, int edges, long reportUs)
        {
            if (_qCount == QueueCapacity)
            {
                Deliver(reportUs);
            }
            int at = _qCount;
            while (at > 0 && Precedes(firstUs, line, level, _qFirstUs[at - 1], _qLine[at - 1], _qLevel[at - 1]))
            {
                _qLine[at] = _qLine[at - 1];
                _qLevel[at] = _qLevel[at - 1];
                _qFirstUs[at] = _qFirstUs[at - 1];
                _qLastUs[at] = _qLastUs[at - 1];
                _qEdges[at] = _qEdges[at - 1];
                at--;
            }
            _qLine[at] = line;
            _qLevel[at] = level;
            _qFirstUs[at] = firstUs;
            _qLastUs[at] = lastUs;
            _qEdges[at] = edges;
            _qCount++;
        }

        void ILineSink.OnLineNoise(int line, long firstUs, long lastUs, int edges, long reportUs)
        {
            // Noise is ordered like a transition: on the contact of a seated card it is a micro-interruption.
            Enqueue(line, NoiseLevel, firstUs, lastUs, edges, reportUs);
        }

        void ILineSink.OnLineChatter(int line, long firstUs, int edges, long reportUs)
        {
            _bus.Emit(EventCode.LineChatter, firstUs, reportUs, _monitor.CurrentIndex, _monitor.Current, line, edges);
        }

        /// <summary>Delivers queued transitions that no other line can still precede.</summary>
        void Flush(long reportUs)
        {
            while (_qCount > 0 && IsSafe(_qLine[0], _qFirstUs[0]))
            {
                Deliver(reportUs);
            }
        }

        bool IsSafe(int line, long firstUs)
        {
            for (int i = 0; i < SlotLine.Count; i++)
            {
                // A line open at the same instant must settle first: only then is the tie order known.
                // A line with no deadline has no edge open: only a busy line needs asking.
                if (i != line && _lineDue[i] != Time.NoDeadline)
                {
                    _otherReads++;
                    if (_lines[i].EarliestOpenUs <= firstUs)
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        /// <summary>
        /// Time order, and for one instant the slot's physical order: a card reaches the detect
        /// switch before the contacts going in, and leaves the contacts before detect coming out.
        /// </summary>
        static bool Precedes(long aUs, int aLine, int aLevel, long bUs, int bLine, int bLevel)
        {
            if (aUs != bUs)
            {
                return aUs < bUs;
            }
            int aKey = aLevel == 0 ? -aLine : aLine;
            int bKey = bLevel == 0 ? -bLine : bLine;
            return aKey < bKey;
        }

        void Deliver(long reportUs)
        {
            int line = _qLine[0];
            int level = _qLevel[0];
            long firstUs = _qFirstUs[0];
            long spanUs = _qLastUs[0] - firstUs;
            int edges = _qEdges[0];
            _qCount--;
            for (int i = 0; i < _qCount; i++)
            {
                _qLine[i] = _qLine[i + 1];
                _qLevel[i] = _qLevel[i + 1];
                _qFirstUs[i] = _qFirstUs[i + 1];
                _qLastUs[i] = _qLastUs[i + 1];
                _qEdges[i] = _qEdges[i + 1];
            }
            if (level == NoiseLevel)
            {
                _monitor.OnNoise(line, firstUs, edges, spanUs, reportUs);
            }
            else
            {
                _monitor.OnSettled(line, level, firstUs, edges, spanUs, reportUs);
            }
            _otherReads++;
            _monitorNext = _monitor.NextDeadlineUs;
        }
    }
}
