using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// Judges the slot from its insertion records and line events: learns a per-slot baseline,
    /// tracks each measure with an EWMA (and a running P90), raises per-fault flags with
    /// hysteresis, and moves the health state Healthy, Watch, Degraded, Failed. Failed is latched
    /// until a maintenance action. Every move is an event carrying the reason code behind it.
    ///
    /// Event details are packed by HealthDetail.
    /// </summary>
    public sealed class SlotHealthAnalyzer : ISlotEventSink
    {
        const double ChatterDecay = 1.0 - 1.0 / 32;

        readonly HealthSettings _s;
        readonly EventBus _bus;
        readonly SlotCounters _counters;

        int _baselineCount;
        double _sumSpan;
        double _sumCount;
        double _sumDelay;
        bool _baselineReady;
        double _baseSpan;
        double _baseCount;
        double _baseDelay;
        readonly RunningEstimate _span;
        readonly RunningEstimate _count;
        readonly RunningEstimate _delay;

        double _neverSeatedRate;
        double _interruptionRate;
        double _readFailureRate;
        double _detectChatter;
        readonly FailureWindows _contactOnly;
        bool _detectStuck;
        readonly FailureWindows _failures;
        readonly FailureWindows _interruptions;
        int _failureOwner = FaultClass.LooseSpring;
        readonly WearForecast _forecast;

        // Hysteresis is per measure (indexed by ReasonCode); a fault's level is its measures' highest.
        readonly int[] _measureLevel = new int[ReasonCode.Count];
        readonly int[] _belowFor = new int[ReasonCode.Count];
        readonly int[] _level = new int[FaultClass.Count];
        readonly int[] _reason = new int[FaultClass.Count];
        readonly int[] _probationLeft = new int[FaultClass.Count];

        int _state;
        int _stateFault = -1;
        bool _latched;
        int _latchReason;

        public SlotHealthAnalyzer(HealthSettings settings, EventBus bus, SlotCounters counters)
        {
            _s = settings;
            _bus = bus;
            _counters = counters;
            _span = new RunningEstimate(settings.WearAlpha);
            _count = new RunningEstimate(settings.WearAlpha);
            _delay = new RunningEstimate(settings.SeatDelayAlpha);
            _failures = new FailureWindows(settings.SlotFailureWindows, settings.SlotFailureLines);
            _interruptions = new FailureWindows(settings.InterruptionWindows, settings.InterruptionLines);
            _forecast = new WearForecast(settings);
            _contactOnly = new FailureWindows(new int[] { settings.ContactOnlyWindow }, new double[] { 1.0 });
        }

        /// <summary>Insertions and days until Degraded and Failed, from the wear trend.</summary>
        public WearForecast Forecast { get { return _forecast; } }

        /// <summary>The slot's own payment failures over its windows (the failure line).</summary>
        public FailureWindows Failures { get { return _failures; } }

        public int State { get { return _state; } }

        /// <summary>The fault class that set the current state (-1 when Healthy).</summary>
        public int StateFault { get { return _state == HealthState.Healthy ? -1 : _stateFault; } }

        public int Level(int fault) { return _level[fault]; }
        public int Reason(int fault) { return _reason[fault]; }
        public bool InProbation(int fault) { return _probationLeft[fault] > 0; }

        public bool BaselineReady { get { return _baselineReady; } }
        public double BaselineSpanUs { get { return _baseSpan; } }
        public double BaselineSeatDelayUs { get { return _baseDelay; } }
        public RunningEstimate ContactSpan { get { return _span; } }
        public RunningEstimate ContactBounces { get { return _count; } }
        public RunningEstimate SeatDelay { get { return _delay; } }
        public double NeverSeatedRate { get { return _neverSeatedRate; } }
        public double InterruptionRate { get { return _interruptionRate; } }
        public double ReadFailureRate { get { return _readFailureRate; } }

        public void OnSlotEvent(SlotEvent e)
        {
            switch (e.Code)
            {
                case EventCode.CardRemoved:
                    OnInsertionFinished(e.Record, e.ReportUs);
                    break;
                case EventCode.DetectStuck:
                    _detectStuck = true;
                    Evaluate(e.TimeUs, e.ReportUs, e.InsertionIndex, ReasonCode.None);
                    break;
                case EventCode.DetectRecovered:
                    // The stuck verdict was a card left in: if it alone failed the slot, no repair is due.
                    _detectStuck = false;
                    if (_latched && _latchReason == ReasonCode.DetectStuck)
                    {
                        _latched = false;
                    }
                    Evaluate(e.TimeUs, e.ReportUs, e.InsertionIndex, ReasonCode.DetectRecovered);
                    break;
                case EventCode.LineNoise:
                case EventCode.LineChatter:
                    if (e.Detail1 == SlotLine.Detect && e.Record == null)
                    {
                        _detectChatter += 1;
                        Evaluate(e.TimeUs, e.ReportUs, e.InsertionIndex, ReasonCode.None);
                    }
                    break;
                case EventCode.ReadFailed:
                case EventCode.ReaderFaultAsserted:
                    // EMV: after the second failed chip read the terminal falls back for this transaction.
                    if (e.Record != null && e.Record.ReadFailures == _s.ReadFailuresForTransactionFallback)
                    {
                        _bus.Emit(EventCode.FallbackForTransaction, e.TimeUs, e.ReportUs, e.InsertionIndex, e.Record, e.Record.ReadFailures, 0);
                    }
                    break;
            }
        }

        void OnInsertionFinished(InsertionRecord r, long reportUs)
        {
            _detectChatter *= ChatterDecay;
            bool contactOnly = (r.Flags & InsertionFlags.ContactWithoutDetect) != 0;
            bool detectTrusted = (r.Flags & (InsertionFlags.ContactWithoutDetect | InsertionFlags.DetectStuck | InsertionFlags.Reseated)) == 0;
            _contactOnly.Add(contactOnly);
            if (detectTrusted)
            {
                _neverSeatedRate += _s.RateAlpha * ((r.Seated ? 0.0 : 1.0) - _neverSeatedRate);
            }
            if (r.Seated)
            {
                TrackWear(r, detectTrusted, reportUs);
                _interruptionRate += _s.RateAlpha * ((r.Interruptions > 0 ? 1.0 : 0.0) - _interruptionRate);
                Probation(FaultClass.IntermittentContact, r.Interruptions == 0);
            }
            if (detectTrusted || r.Seated)
            {
                _failures.Add(PaymentFailed(r, detectTrusted));
            }
            if (r.Seated)
            {
                _interruptions.Add(r.Interruptions > 0);
            }
            if (r.ReadAttempts > 0)
            {
                _readFailureRate += _s.ReadAlpha * ((r.ReadFailures > 0 ? 1.0 : 0.0) - _readFailureRate);
                Probation(FaultClass.ReadFailures, r.ReadFailures == 0);
            }
            Evaluate(r.RemovedUs, reportUs, r.Index, ReasonCode.None);
        }

        /// <summary>Did this card's payment fail for a reason of the slot's (as far as the slot can tell)?</summary>
        bool PaymentFailed(InsertionRecord r, bool detectTrusted)
        {
            if (!r.Seated)
            {
                return detectTrusted;
            }
            return r.Interruptions > 0
                || r.ReadFailures >= _s.ReadFailuresForTransactionFallback
                || (r.Flags & InsertionFlags.ReaderFault) != 0;
        }

        bool FailuresClimbing()
        {
            return _failures.WindowCount > 1
                && _failures.Rate(0) >= _s.SlotFailureRiseLine
                && _failures.RiseOver(0, 1) >= _s.SlotFailureRise;
        }

        /// <summary>
        /// The fault a crossed failure line is charged to: the interruption window's own, or the
        /// cause with the highest rate (never seating, interruptions, read failures).
        /// </summary>
        int FailureOwner()
        {
            if (_interruptions.Tripped() >= 0)
            {
                return FaultClass.IntermittentContact;
            }
            int owner = FaultClass.LooseSpring;
            double top = _neverSeatedRate;
            if (_interruptionRate > top)
            {
                owner = FaultClass.IntermittentContact;
                top = _interruptionRate;
            }
            if (_readFailureRate > top)
            {
                owner = FaultClass.ReadFailures;
            }
            return owner;
        }

        void TrackWear(InsertionRecord r, bool detectTrusted, long reportUs)
        {
            if (_baselineReady)
            {
                _forecast.Add(_counters.SlotInsertions, r.InsertedUs, r.ContactBounceSpanUs);
                _span.Add(r.ContactBounceSpanUs);
                _count.Add(r.ContactBounces);
                if (detectTrusted)
                {
                    _delay.Add(r.SeatDelayUs);
                }
                return;
            }
            if (!detectTrusted)
            {
                return;
            }
            _sumSpan += r.ContactBounceSpanUs;
            _sumCount += r.ContactBounces;
            _sumDelay += r.SeatDelayUs;
            _baselineCount++;
            if (_baselineCount < _s.BaselineInsertions)
            {
                return;
            }
            _baselineReady = true;
            _baseSpan = _sumSpan / _baselineCount;
            _baseCount = _sumCount / _baselineCount;
            _baseDelay = _sumDelay / _baselineCount;
            _span.Start(_baseSpan, _baseSpan);
            _count.Start(_baseCount, _baseCount);
            _delay.Start(_baseDelay, _baseDelay);
            _bus.Emit(EventCode.BaselineLearned, r.RemovedUs, reportUs, r.Index, r, (long)_baseSpan, (long)_baseDelay);
        }

        /// <summary>After a cleaning, a cleanable fault clears only after enough clean insertions in a row.</summary>
        void Probation(int fault, bool clean)
        {
            if (_probationLeft[fault] == 0)
            {
                return;
            }
            if (!clean)
            {
                _probationLeft[fault] = 0;
                return;
            }
            _probationLeft[fault]--;
            if (_probationLeft[fault] > 0)
            {
                return;
            }
            if (fault == FaultClass.IntermittentContact)
            {
                _interruptionRate = 0;
                ClearMeasure(ReasonCode.InterruptionRate);
            }
            else
            {
                _readFailureRate = 0;
                ClearMeasure(ReasonCode.ReadFailureRate);
            }
        }

        void Evaluate(long tUs, long reportUs, long insertion, int forcedReason)
        {
            double span = 0, count = 0, delay = 0;
            double spanW = LevelRule.Never, spanD = LevelRule.Never, countW = LevelRule.Never, countD = LevelRule.Never;
            double delayW = LevelRule.Never, delayD = LevelRule.Never;
            if (_baselineReady)
            {
                span = _span.Mean;
                count = _count.Mean;
                delay = _delay.Mean;
                spanW = Larger(_baseSpan * _s.SpanWatchRatio, _baseSpan + _s.SpanMinRiseUs);
                spanD = Larger(_baseSpan * _s.SpanDegradedRatio, _baseSpan + 2 * _s.SpanMinRiseUs);
                countW = Larger(_baseCount * _s.CountWatchRatio, _baseCount + _s.CountMinRise);
                countD = Larger(_baseCount * _s.CountDegradedRatio, _baseCount + 2 * _s.CountMinRise);
                delayW = _baseDelay * _s.SeatDelayWatchRatio;
                delayD = _baseDelay * _s.SeatDelayDegradedRatio;
            }
            Measure(ReasonCode.ContactBounceSpan, span, spanW, spanD, LevelRule.Never);
            Measure(ReasonCode.ContactBounceCount, count, countW, countD, LevelRule.Never);
            Measure(ReasonCode.SeatDelay, delay, delayW, delayD, LevelRule.Never);
            Measure(ReasonCode.NeverSeatedRate, _neverSeatedRate, _s.NeverSeatedWatch, _s.NeverSeatedDegraded, _s.NeverSeatedFailed);
            Measure(ReasonCode.InterruptionRate, _interruptionRate, _s.InterruptionWatch, _s.InterruptionDegraded, _s.InterruptionFailed);
            Measure(ReasonCode.ReadFailureRate, _readFailureRate, _s.ReadFailureWatch, _s.ReadFailureDegraded, _s.ReadFailureFailed);
            Measure(ReasonCode.DetectChatter, _detectChatter, _s.DetectChatterWatch, _s.DetectChatterDegraded, _s.DetectChatterFailed);
            Measure(ReasonCode.ContactWithoutDetect, _contactOnly.Failures(0), _s.ContactOnlyWatch, _s.ContactOnlyDegraded, _s.ContactOnlyFailed);
            _measureLevel[ReasonCode.DetectStuck] = _detectStuck ? HealthState.Failed : HealthState.Healthy;
            bool failing = _failures.Tripped() >= 0 || _interruptions.Tripped() >= 0 || FailuresClimbing();
            _measureLevel[ReasonCode.SlotFailureRate] = failing ? HealthState.Failed : HealthState.Healthy;
            if (failing)
            {
                _failureOwner = FailureOwner();
            }
            int failSpring = _failureOwner == FaultClass.LooseSpring ? ReasonCode.SlotFailureRate : -1;
            int failContact = _failureOwner == FaultClass.IntermittentContact ? ReasonCode.SlotFailureRate : -1;
            int failReads = _failureOwner == FaultClass.ReadFailures ? ReasonCode.SlotFailureRate : -1;
            double slotCount = _counters.SlotInsertions;
            Measure(ReasonCode.RatedLifeNear, slotCount, _s.RatedCycles * _s.RatedWarnFraction, LevelRule.Never, LevelRule.Never);
            Measure(ReasonCode.RatedLifeExceeded, slotCount, LevelRule.Never, _s.RatedCycles, LevelRule.Never);

            SetFault(FaultClass.ContactWear, ReasonCode.ContactBounceSpan, ReasonCode.ContactBounceCount, -1, tUs, reportUs, insertion, forcedReason);
            SetFault(FaultClass.LooseSpring, ReasonCode.NeverSeatedRate, ReasonCode.SeatDelay, failSpring, tUs, reportUs, insertion, forcedReason);
            SetFault(FaultClass.IntermittentContact, ReasonCode.InterruptionRate, failContact, -1, tUs, reportUs, insertion, forcedReason);
            SetFault(FaultClass.DetectSwitch, ReasonCode.DetectStuck, ReasonCode.ContactWithoutDetect, ReasonCode.DetectChatter, tUs, reportUs, insertion, forcedReason);
            SetFault(FaultClass.ReadFailures, ReasonCode.ReadFailureRate, failReads, -1, tUs, reportUs, insertion, forcedReason);
            SetFault(FaultClass.RatedLife, ReasonCode.RatedLifeExceeded, ReasonCode.RatedLifeNear, -1, tUs, reportUs, insertion, forcedReason);
            UpdateState(tUs, reportUs, insertion, forcedReason);
        }

        void Measure(int measure, double value, double watch, double degraded, double failed)
        {
            int level = LevelRule.Apply(_measureLevel[measure], value, watch, degraded, failed, _s.ClearRatio);
            if (level >= _measureLevel[measure])
            {
                _belowFor[measure] = 0;
                _measureLevel[measure] = level;
                return;
            }
            // Falling waits until the measure has stayed below its clearing point for ClearDwell evaluations.
            if (++_belowFor[measure] >= _s.ClearDwell)
            {
                _belowFor[measure] = 0;
                _measureLevel[measure] = level;
            }
        }

        /// <summary>Proof or a new slot clears a measure at once, without waiting out the dwell.</summary>
        void ClearMeasure(int measure)
        {
            _measureLevel[measure] = HealthState.Healthy;
            _belowFor[measure] = 0;
        }

        /// <summary>A fault's level is the highest of its measures (listed strongest first for ties).</summary>
        void SetFault(int fault, int m1, int m2, int m3, long tUs, long reportUs, long insertion, int forcedReason)
        {
            int level = _measureLevel[m1];
            int reason = m1;
            if (m2 >= 0 && _measureLevel[m2] > level)
            {
                level = _measureLevel[m2];
                reason = m2;
            }
            if (m3 >= 0 && _measureLevel[m3] > level)
            {
                level = _measureLevel[m3];
                reason = m3;
            }
            int old = _level[fault];
            if (level == old)
            {
                if (level > 0)
                {
                    _reason[fault] = reason;
                }
                return;
            }
            _level[fault] = level;
            if (level > old)
            {
                _reason[fault] = reason;
                _bus.Emit(EventCode.FlagRaised, tUs, reportUs, insertion, null, fault, HealthDetail.Flag(level, reason));
            }
            else
            {
                int why = forcedReason != ReasonCode.None ? forcedReason : ReasonCode.EvidenceCleared;
                _reason[fault] = level > 0 ? reason : ReasonCode.None;
                _bus.Emit(EventCode.FlagCleared, tUs, reportUs, insertion, null, fault, HealthDetail.Flag(level, why));
            }
        }

        void UpdateState(long tUs, long reportUs, long insertion, int forcedReason)
        {
            int state = HealthState.Healthy;
            int fault = -1;
            for (int f = 0; f < FaultClass.Count; f++)
            {
                if (_level[f] > state)
                {
                    state = _level[f];
                    fault = f;
                }
            }
            if (_latched)
            {
                if (state != HealthState.Failed)
                {
                    return; // Failed holds until a maintenance action.
                }
            }
            if (state == HealthState.Failed && _state != HealthState.Failed)
            {
                _latched = true; // entering Failed latches; only maintenance (or a disproven stuck detect) unlatches
                _latchReason = _reason[fault];
            }
            if (state == _state)
            {
                if (fault >= 0)
                {
                    _stateFault = fault;
                }
                return;
            }
            int from = _state;
            _state = state;
            if (fault >= 0)
            {
                _stateFault = fault;
            }
            int reason = forcedReason != ReasonCode.None ? forcedReason : fault >= 0 ? _reason[fault] : ReasonCode.EvidenceCleared;
            _bus.Emit(EventCode.HealthChanged, tUs, reportUs, insertion, null, HealthDetail.Move(fault, from, state), reason);
        }

        /// <summary>The slot was cleaned: Failed unlatches; dirt faults go on probation.</summary>
        public void SlotCleaned(long tUs, long insertion)
        {
            _bus.Emit(EventCode.SlotCleaned, tUs, tUs, insertion, null, _state, 0);
            _latched = false;
            // Failures the cleaning removed no longer describe the slot; a worn spring's still do.
            _interruptions.Clear();
            if (FaultClass.IsCleanable(_failureOwner))
            {
                _failures.Clear();
            }
            for (int f = 0; f < FaultClass.Count; f++)
            {
                if (FaultClass.IsCleanable(f) && _level[f] > HealthState.Healthy)
                {
                    _probationLeft[f] = _s.ProbationInsertions;
                }
            }
            Evaluate(tUs, tUs, insertion, ReasonCode.SlotCleaned);
        }

        /// <summary>A new slot was fitted: baseline, measures and per-slot counts start again; the board total stays.</summary>
        public void SlotReplaced(long tUs, long insertion)
        {
            // Announced before it is done, so the store journals the action before any state moves.
            _bus.Emit(EventCode.SlotReplaced, tUs, tUs, insertion, null, _counters.BoardInsertions, _counters.Replacements + 1);
            _counters.SlotReplaced();
            _baselineReady = false;
            _baselineCount = 0;
            _sumSpan = 0;
            _sumCount = 0;
            _sumDelay = 0;
            _neverSeatedRate = 0;
            _interruptionRate = 0;
            _readFailureRate = 0;
            _detectChatter = 0;
            _contactOnly.Clear();
            _detectStuck = false;
            _failures.Clear();
            _interruptions.Clear();
            _forecast.Clear();
            _failureOwner = FaultClass.LooseSpring;
            _latched = false;
            for (int f = 0; f < FaultClass.Count; f++)
            {
                _probationLeft[f] = 0;
            }
            for (int m = 0; m < ReasonCode.Count; m++)
            {
                ClearMeasure(m);
            }
            Evaluate(tUs, tUs, insertion, ReasonCode.SlotReplaced);
        }

        static double Larger(double a, double b)
        {
            return a > b ? a : b;
        }
    
        public void SaveState(ByteWriter w)
        {
            w.Int(_baselineCount);
            w.Double(_sumSpan);
            w.Double(_sumCount);
            w.Double(_sumDelay);
            w.Bool(_baselineReady);
            w.Double(_baseSpan);
            w.Double(_baseCount);
            w.Double(_baseDelay);
            _span.SaveState(w);
            _count.SaveState(w);
            _delay.SaveState(w);
            w.Double(_neverSeatedRate);
            w.Double(_interruptionRate);
            w.Double(_readFailureRate);
            w.Double(_detectChatter);
            _contactOnly.SaveState(w);
            w.Bool(_detectStuck);
            _failures.SaveState(w);
            _interruptions.SaveState(w);
            w.Int(_failureOwner);
            _forecast.SaveState(w);
            w.Int(ReasonCode.Count);
            for (int m = 0; m < ReasonCode.Count; m++)
            {
                w.Int(_measureLevel[m]);
                w.Int(_belowFor[m]);
            }
            w.Int(FaultClass.Count);
            for (int f = 0; f < FaultClass.Count; f++)
            {
                w.Int(_level[f]);
                w.Int(_reason[f]);
                w.Int(_probationLeft[f]);
            }
            w.Int(_state);
            w.Int(_stateFault);
            w.Bool(_latched);
            w.Int(_latchReason);
        }

        /// <summary>Restores everything SaveState wrote; a record from other tables fails the reader.</summary>
        public void LoadState(ByteReader r)
        {
            _baselineCount = r.IntIn(0, int.MaxValue);
            _sumSpan = r.Double();
            _sumCount = r.Double();
            _sumDelay = r.Double();
            _baselineReady = r.Bool();
            _baseSpan = r.Double();
            _baseCount = r.Double();
            _baseDelay = r.Double();
            _span.LoadState(r);
            _count.LoadState(r);
            _delay.LoadState(r);
            _neverSeatedRate = r.Double();
            _interruptionRate = r.Double();
            _readFailureRate = r.Double();
            _detectChatter = r.Double();
            _contactOnly.LoadState(r);
            _detectStuck = r.Bool();
            _failures.LoadState(r);
            _interruptions.LoadState(r);
            _failureOwner = r.IntIn(0, FaultClass.Count - 1);
            _forecast.LoadState(r);
            if (r.Int() != ReasonCode.Count)
            {
                r.Failed = true;
                return;
            }
            for (int m = 0; m < ReasonCode.Count; m++)
            {
                _measureLevel[m] = r.IntIn(HealthState.Healthy, HealthState.Failed);
                _belowFor[m] = r.IntIn(0, int.MaxValue);
            }
            if (r.Int() != FaultClass.Count)
            {
                r.Failed = true;
                return;
            }
            for (int f = 0; f < FaultClass.Count; f++)
            {
                _level[f] = r.IntIn(HealthState.Healthy, HealthState.Failed);
                _reason[f] = r.IntIn(0, ReasonCode.Count - 1);
                _probationLeft[f] = r.IntIn(0, int.MaxValue);
            }
            _state = r.IntIn(HealthState.Healthy, HealthState.Failed);
            _stateFault = r.IntIn(-1, FaultClass.Count - 1);
            _latched = r.Bool();
            _latchReason = r.IntIn(0, ReasonCode.Count - 1);
        }
    }
}
