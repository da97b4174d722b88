namespace PosSlot.Firmware.Lines
{
    /// <summary>
    /// Turns periodic samples of one line into timestamped edges, for boards (or recordings) that
    /// sample instead of capturing edges. Sample n is taken at n * 1e6 / rateHz microseconds.
    /// </summary>
    public sealed class SampleEdgeExtractor
    {
        readonly long _rateHz;
        int _level;
        bool _primed;

        public SampleEdgeExtractor(long rateHz)
        {
            if (rateHz <= 0 || rateHz > Time.UsPerSecond)
            {
                throw new System.ArgumentException("sample rate must be 1..1000000 Hz");
            }
            _rateHz = rateHz;
        }

        public long RateHz { get { return _rateHz; } }

        public static long SampleTimeUs(long sampleIndex, long rateHz)
        {
            return sampleIndex * Time.UsPerSecond / rateHz;
        }

        /// <summary>
        /// Feeds sample n. Returns true when it differs from the previous sample: an edge at
        /// SampleTimeUs(n). The first sample sets the starting level and is an edge only if it is 1.
        /// </summary>
        public bool Sample(long sampleIndex, int level)
        {
            bool changed = _primed ? level != _level : level != 0;
            _primed = true;
            _level = level;
            return changed;
        }
    }
}
