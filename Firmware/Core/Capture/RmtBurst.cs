namespace PosSlot.Firmware.Capture
{
    /// <summary>
    /// Turns one RMT receive burst of a slot line into µs-stamped edges for the core. The RMT
    /// peripheral times every level in hardware (1 µs ticks): a burst is a list of (level, duration)
    /// segments, the last one with duration 0, meaning "held until the line went idle". Durations
    /// are exact; only the burst's place in time comes from the clock, read when the burst was
    /// collected. So bounce spans and gaps are exact, and every edge of a burst shares one offset
    /// error: the collection latency (docs/architecture.md).
    ///
    /// Levels are pin levels; `activeLow` maps them to the core's logical level (1 = active).
    /// </summary>
    public sealed class RmtBurst
    {
        /// <summary>The longest duration one segment holds (15-bit counter): a longer level is cut and the span is unknown.</summary>
        public const int MaxDuration = 32767;

        /// <summary>Bursts whose durations were cut at MaxDuration (a level held past the counter, below the idle threshold).</summary>
        public long Overflows;

        /// <summary>Edges handed to the core.</summary>
        public long Edges;

        readonly SlotCore _core;
        readonly int _line;
        readonly bool _activeLow;
        int _lastPinLevel = -1;

        public RmtBurst(SlotCore core, int line, bool activeLow)
        {
            _core = core;
            _line = line;
            _activeLow = activeLow;
        }

        /// <summary>
        /// Feeds a burst: levels[i] held for durations[i] µs, i in [0, count). `idleStartUs` is when
        /// the last segment's level began (the clock at collection minus the idle threshold); edges
        /// are placed back from it by the exact durations. Returns the edges fed.
        /// </summary>
        public int Feed(int[] levels, int[] durations, int count, long idleStartUs)
        {
            if (count <= 0)
            {
                return 0;
            }
            long total = 0;
            for (int i = 0; i < count; i++)
            {
                if (durations[i] >= MaxDuration)
                {
                    Overflows++;
                }
                total += durations[i];
            }
            long t = idleStartUs - total;
            int fed = 0;
            for (int i = 0; i < count; i++)
            {
                int level = levels[i] != 0 ? 1 : 0;
                // A segment that repeats the level before it is not an edge (RMT splits long levels).
                if (level != _lastPinLevel)
                {
                    _core.OnEdge(_line, _activeLow ? 1 - level : level, t);
                    _lastPinLevel = level;
                    fed++;
                }
                t += durations[i];
                if (durations[i] == 0)
                {
                    break; // the end marker: its level is held into idle
                }
            }
            Edges += fed;
            return fed;
        }

        /// <summary>The pin level the line rests at after the last burst (-1 before the first).</summary>
        public int RestingPinLevel { get { return _lastPinLevel; } }

        /// <summary>Sets the resting level read from the pin at start-up, so the first burst's first segment is only an edge if it differs.</summary>
        public void SetResting(int pinLevel)
        {
            _lastPinLevel = pinLevel;
        }
    }
}
