namespace PosSlot.Firmware.Debounce
{
    /// <summary>
    /// One input line: a glitch filter followed by a deferred debouncer that keeps the burst's
    /// first-edge time. Cost is per edge plus per deadline; nothing is polled and nothing allocated.
    ///
    /// Glitch filter: a raw edge is held GlitchUs; if the line flips back first, both edges are a
    /// glitch (counted as bounce inside a burst, as noise outside one). Debouncer: edges that pass
    /// form a burst; once the line has been quiet QuietUs the burst ends and, if the level differs
    /// from the last settled one, a transition is reported, stamped with the burst's first edge.
    /// </summary>
    public sealed class DebouncedLine
    {
        readonly int _line;
        readonly long _glitchUs;
        readonly long _quietUs;
        readonly long _joinUs;
        readonly long _chatterUs;
        readonly ILineSink _sink;

        // Glitch filter.
        bool _hasPending;
        int _pendingLevel;
        long _pendingUs;
        int _filteredLevel;

        // Deferred debouncer.
        int _stableLevel;
        bool _inBurst;
        long _burstFirstUs;
        long _burstLastUs;
        int _burstEdges;
        bool _chatterReported;

        // A run of glitches outside a burst, each within GlitchJoinUs of the next: if an edge passes
        // within GlitchJoinUs of the last, the run was the burst's first bounces (its first edge is
        // the burst's time); if not, EMI. A run spans at most QuietUs (see JoinsLead).
        bool _hasLead;
        long _leadUs;
        long _leadLastUs;

        // When the last glitch ended. A window it held open (a quiet end, a lead's lapse) that has
        // passed meanwhile is due now, not in the past.
        long _glitchEndUs;
        int _leadEdges;

        // NextDeadlineUs, recomputed once per change of state rather than on every read.
        long _next = Time.NoDeadline;

        public long Glitches;
        public long NoiseBursts;
        public long ChatterBursts;

        public DebouncedLine(int line, DebounceSettings settings, ILineSink sink, int initialLevel)
        {
            _line = line;
            _glitchUs = settings.GlitchUs;
            _quietUs = settings.QuietUs;
            _joinUs = settings.GlitchJoinUs;
            _chatterUs = settings.ChatterUs;
            _sink = sink;
            _filteredLevel = initialLevel;
            _stableLevel = initialLevel;
        }

        public int Line { get { return _line; } }

        /// <summary>The last settled (debounced) level.</summary>
        public int StableLevel { get { return _stableLevel; } }

        /// <summary>
        /// Time of the earliest edge not yet settled or discarded, or NoDeadline. Any transition this
        /// line reports later is stamped at or after it, which lets the core order two lines.
        /// </summary>
        public long EarliestOpenUs
        {
            get
            {
                if (_inBurst)
                {
                    return _burstFirstUs;
                }
                if (_hasLead)
                {
                    return _leadUs;
                }
                return _hasPending ? _pendingUs : Time.NoDeadline;
            }
        }

        /// <summary>When this line next needs Advance; Time.NoDeadline when idle. Cached: a read costs nothing.</summary>
        public long NextDeadlineUs { get { return _next; } }

        void Recompute()
        {
            long next = Time.NoDeadline;
            if (_hasPending)
            {
                next = _pendingUs + _glitchUs;
            }
            if (_hasLead)
            {
                // The run lapses a join window after its last glitch, unless an edge inside that window may still extend it.
                long lapse = _leadLastUs + _joinUs;
                bool blocked = _hasPending && _pendingUs < lapse;
                if (!blocked && lapse < next)
                {
                    next = lapse;
                }
            }
            if (_inBurst)
            {
                long quietEnd = _burstLastUs + _quietUs;
                // An unresolved edge inside the quiet window may still extend the burst.
                bool blocked = _hasPending && _pendingUs < quietEnd;
                if (!blocked && quietEnd < next)
                {
                    next = quietEnd;
                }
                if (!_chatterReported)
                {
                    long chatterAt = _burstFirstUs + _chatterUs;
                    if (chatterAt < next)
                    {
                        next = chatterAt;
                    }
                }
            }
            _next = next < _glitchEndUs ? _glitchEndUs : next;
        }

        /// <summary>
        /// A raw edge. The caller has already advanced this line to tUs. Returns NextDeadlineUs, so
        /// the caller needs no second call to learn it.
        /// </summary>
        public long Edge(long tUs, int level)
        {
            if (_hasPending)
            {
                if (level == _pendingLevel)
                {
                    return _next;
                }
                _hasPending = false;
                Glitches++;
                _glitchEndUs = tUs;
                if (_inBurst)
                {
                    if (_pendingUs - _burstLastUs <= _joinUs)
                    {
                        // A bounce too short for the filter; farther from the burst's edges it is EMI.
                        _burstEdges += 2;
                        _burstLastUs = tUs;
                    }
                }
                else if (_hasLead && JoinsLead(_pendingUs))
                {
                    _leadEdges += 2;
                    _leadLastUs = _pendingUs;
                }
                else
                {
                    _hasLead = true;
                    _leadUs = _pendingUs;
                    _leadLastUs = _pendingUs;
                    _leadEdges = 2;
                }
                Recompute();
                return _next;
            }
            if (level == _filteredLevel)
            {
                return _next;
            }
            _hasPending = true;
            _pendingLevel = level;
            _pendingUs = tUs;
            Recompute();
            return _next;
        }

        /// <summary>Handles every deadline at or before nowUs, in time order; returns NextDeadlineUs.</summary>
        public long Advance(long nowUs)
        {
            while (_next <= nowUs)
            {
                long due = _next;
                // "<=": a window a glitch held open may be due at the glitch's end rather than its own time.
                if (_hasPending && _pendingUs + _glitchUs <= due)
                {
                    // The held edge outlived the glitch filter: it passes. (Inline: the usual deadline, and a call costs on the board.)
                    _hasPending = false;
                    _filteredLevel = _pendingLevel;
                    if (!_inBurst)
                    {
                        _inBurst = true;
                        _burstFirstUs = _pendingUs;
                        _burstEdges = 0;
                        _chatterReported = false;
                        if (_hasLead && _pendingUs - _leadLastUs < _joinUs)
                        {
                            // The run of glitches before it was the burst's first bounces.
                            _burstFirstUs = _leadUs;
                            _burstEdges = _leadEdges;
                        }
                        _hasLead = false;
                    }
                    _burstEdges++;
                    _burstLastUs = _pendingUs;
                    Recompute();
                }
                else if (_hasLead && !_inBurst && _leadLastUs + _joinUs <= due)
                {
                    _hasLead = false;
                    Recompute();
                }
                else if (_inBurst && !_chatterReported && _burstFirstUs + _chatterUs <= due)
                {
                    _chatterReported = true;
                    ChatterBursts++;
                    Recompute();
                    _sink.OnLineChatter(_line, _burstFirstUs, _burstEdges, due);
                }
                else
                {
                    EndBurst(due);
                }
            }
            return _next;
        }

        /// <summary>
        /// With a glitch run kept (_hasLead), a glitch at tUs continues it: within the join window of
        /// its last glitch, and less than a quiet window from its first. Past that the run is EMI, not
        /// bounce (a bounce lasts under 7 ms), and a run held open longer would hold the other lines'
        /// reports back. (An edge that passes within the join window of the run's last glitch takes
        /// the whole run, which spans less than a quiet window.)
        /// </summary>
        bool JoinsLead(long tUs)
        {
            return tUs - _leadLastUs < _joinUs && tUs - _leadUs < _quietUs;
        }

        void EndBurst(long nowUs)
        {
            _inBurst = false;
            Recompute();
            if (_filteredLevel != _stableLevel)
            {
                _stableLevel = _filteredLevel;
                _sink.OnLineSettled(_line, _stableLevel, _burstFirstUs, _burstLastUs, _burstEdges, nowUs);
            }
            else
            {
                NoiseBursts++;
                _sink.OnLineNoise(_line, _burstFirstUs, _burstLastUs, _burstEdges, nowUs);
            }
        }
    }
}
