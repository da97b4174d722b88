namespace PosSlot.Firmware.Capture
{
    /// <summary>
    /// Cross-checks a line's decoded edges against the PCNT pulse counter, which counts every edge
    /// in hardware: a managed capture that fell behind, an RMT buffer that overflowed, or a glitch
    /// filter set too wide shows up as a difference. Checked at quiet moments (no burst in flight).
    /// </summary>
    public sealed class EdgeCountCheck
    {
        long _countedAtStart;
        long _decodedAtStart;
        bool _started;

        /// <summary>Checks that disagreed, and the edges they were apart in all.</summary>
        public long Mismatches;
        public long EdgesApart;
        public long Checks;

        /// <summary>Compares the counts since the last check; true when they agree.</summary>
        public bool Check(long pulseCount, long decodedEdges)
        {
            if (!_started)
            {
                _started = true;
                _countedAtStart = pulseCount;
                _decodedAtStart = decodedEdges;
                return true;
            }
            Checks++;
            long counted = pulseCount - _countedAtStart;
            long decoded = decodedEdges - _decodedAtStart;
            _countedAtStart = pulseCount;
            _decodedAtStart = decodedEdges;
            if (counted == decoded)
            {
                return true;
            }
            Mismatches++;
            EdgesApart += counted > decoded ? counted - decoded : decoded - counted;
            return false;
        }
    }
}
