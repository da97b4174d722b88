using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;

namespace PosSlot.Firmware.Slot
{
    /// <summary>
    /// Combines the settled Detect and Contact lines (delivered in time order) into the insertion
    /// lifecycle: inserted, seated, interrupted, removed, plus the anomalies a failing slot shows.
    /// </summary>
    public sealed class SlotMonitor
    {
        const long None = InsertionRecord.None;

        readonly SlotMonitorSettings _settings;
        readonly EventBus _bus;
        readonly InsertionRecord _record = new InsertionRecord();

        int _detect;
        int _contact;
        bool _cardIn;
        bool _contactOnly;
        long _contactOpenUs = None;
        long _settleEndUs;
        bool _detectStuck;
        int _cardsWhileStuck;
        bool _ignoreNextContactOpen;

        // The presence rule: detect released under a card; the card is gone once detect stays open PresenceUs.
        bool _releasePending;
        long _releaseUs;
        long _releaseSettledUs;
        bool _contactAtRelease;

        /// <summary>Insertions since this monitor started (the lifetime count lives in SlotCounters).</summary>
        public long Insertions;
        public long Removals;

        public SlotMonitor(SlotMonitorSettings settings, EventBus bus)
        {
            _settings = settings;
            _bus = bus;
        }

        public bool CardIn { get { return _cardIn; } }
        public bool DetectStuck { get { return _detectStuck; } }

        /// <summary>The open insertion, or null when no card is in.</summary>
        public InsertionRecord Current { get { return _cardIn ? _record : null; } }

        public long CurrentIndex { get { return _cardIn ? _record.Index : 0; } }

        /// <summary>
        /// After detect releases under a card, the presence window: the card is gone once it ends.
        /// While the contact is open with detect still asserted the monitor waits for detect to
        /// release; so too while a card sits on detect without ever seating. Past the timeout
        /// detect is taken as stuck.
        /// </summary>
        public long NextDeadlineUs
        {
            get
            {
                if (!_cardIn || _contactOnly)
                {
                    return Time.NoDeadline;
                }
                if (_releasePending)
                {
                    return _releaseSettledUs + _settings.PresenceUs;
                }
                if (_detect == 0 || _detectStuck)
                {
                    return Time.NoDeadline;
                }
                if (_contactOpenUs != None)
                {
                    return _contactOpenUs + _settings.DetectReleaseTimeoutUs;
                }
                // SeatedUs rather than Seated: the core reads this after every transition, and a getter is a call on the board.
                return _record.SeatedUs != None ? Time.NoDeadline : _record.InsertedUs + _settings.DetectReleaseTimeoutUs;
            }
        }

        public void Advance(long nowUs)
        {
            long due = NextDeadlineUs;
            if (due > nowUs)
            {
                return;
            }
            if (_releasePending)
            {
                ConfirmRemoval(due);
                return;
            }
            long lastSeenUs = _contactOpenUs != None ? _contactOpenUs : _record.InsertedUs;
            _detectStuck = true;
            _cardsWhileStuck = 0;
            _record.Flags |= InsertionFlags.DetectStuck;
            _bus.Emit(EventCode.DetectStuck, due, nowUs, _record.Index, _record, lastSeenUs, 0);
            if (_record.Seated)
            {
                Finish(lastSeenUs, nowUs);
            }
            // A card that never seated may still be half in: it stays open until detect lets go
            // (then that is its removal) or a card seats on the contact alone.
        }

        /// <summary>Detect stayed open for the presence window: the card left when detect released.</summary>
        void ConfirmRemoval(long reportUs)
        {
            _releasePending = false;
            if (_contactAtRelease)
            {
                // Withdrawal opens the contact first; detect going first means a broken switch or a forced card.
                _record.Flags |= InsertionFlags.WrongRemovalOrder;
                _ignoreNextContactOpen = _contact == 1;
                _bus.Emit(EventCode.WrongRemovalOrder, _releaseUs, reportUs, _record.Index, _record, 0, 0);
            }
            Finish(_releaseUs, reportUs);
        }

        /// <summary>Detect came back under the card: a dropout, counted as detect-switch wear.</summary>
        void Dropout(long fromUs, long openUs, long reportUs)
        {
            _record.DetectDropouts++;
            _record.DetectDropoutUs += openUs;
            _bus.Emit(EventCode.DetectDropout, fromUs, reportUs, _record.Index, _record, openUs, _record.DetectDropouts);
        }

        /// <summary>A settled level change; tUs is its first edge, spanUs its bounce span.</summary>
        public void OnSettled(int line, int level, long tUs, int edges, long spanUs, long reportUs)
        {
            if (line == SlotLine.Detect)
            {
                _detect = level;
                if (level == 1) { DetectAsserted(tUs, edges, spanUs, reportUs); } else { DetectReleased(tUs, spanUs, reportUs); }
            }
            else if (line == SlotLine.Contact)
            {
                _contact = level;
                if (level == 1) { ContactClosed(tUs, edges, spanUs, reportUs); } else { ContactOpened(tUs, edges, spanUs, reportUs); }
            }
            else if (line == SlotLine.ReaderFault)
            {
                ReaderFaultChanged(level, tUs, reportUs);
            }
        }

        /// <summary>
        /// A burst that ended at the level it started from. On the contact of a seated card it is a
        /// micro-interruption shorter than the quiet window (or spring settling, inside the settle window).
        /// </summary>
        public void OnNoise(int line, long tUs, int edges, long spanUs, long reportUs)
        {
            if (line == SlotLine.Detect && _cardIn && !_contactOnly)
            {
                // Under a card: a dropout shorter than the quiet window. After the card's release:
                // release chatter, part of the card leaving.
                if (!_releasePending && _detect == 1)
                {
                    Dropout(tUs, spanUs, reportUs);
                }
                return;
            }
            bool seatedContact = line == SlotLine.Contact && _cardIn && _record.Seated && _contact == 1 && _contactOpenUs == None;
            if (seatedContact && tUs < _settleEndUs)
            {
                _record.ContactBounces += edges;
                _record.ContactBounceSpanUs = tUs + spanUs - _record.SeatedUs;
                return;
            }
            if (!seatedContact)
            {
                _bus.Emit(EventCode.LineNoise, tUs, reportUs, CurrentIndex, Current, line, edges);
                return;
            }
            _record.Interruptions++;
            _record.InterruptedUs += spanUs;
            _bus.Emit(EventCode.TransactionInterrupted, tUs, reportUs, _record.Index, _record, 0, 0);
            _bus.Emit(EventCode.ContactRestored, tUs + spanUs, reportUs, _record.Index, _record, spanUs, _record.Interruptions);
        }

        /// <summary>The terminal's result for a chip read on the current card.</summary>
        public void OnReadResult(bool ok, long tUs)
        {
            int failures = 0;
            if (_cardIn)
            {
                _record.ReadAttempts++;
                if (!ok)
                {
                    _record.ReadFailures++;
                }
                failures = _record.ReadFailures;
            }
            _bus.Emit(ok ? EventCode.ReadSucceeded : EventCode.ReadFailed, tUs, tUs, CurrentIndex, Current, failures, 0);
        }

        void DetectAsserted(long tUs, int edges, long spanUs, long reportUs)
        {
            if (_releasePending)
            {
                // Back within the presence window: the card never left.
                _releasePending = false;
                Dropout(_releaseUs, tUs - _releaseUs, reportUs);
                return;
            }
            if (_cardIn)
            {
                return; // a contact-only insertion is open; detect is late or recovering
            }
            StartInsertion(tUs, reportUs);
            _record.DetectBounces = edges;
            _record.DetectBounceSpanUs = spanUs;
            _bus.Emit(EventCode.CardInserted, tUs, reportUs, _record.Index, _record, 0, 0);
        }

        void DetectReleased(long tUs, long spanUs, long reportUs)
        {
            if (_detectStuck)
            {
                _detectStuck = false;
                if (_cardIn && !_contactOnly)
                {
                    // The card judged stuck was half in all along: it leaves now.
                    Finish(tUs, reportUs);
                }
                if (_cardsWhileStuck == 0 && !_cardIn)
                {
                    // No card came and went meanwhile: it was a card left in, and the switch works.
                    _bus.Emit(EventCode.DetectRecovered, tUs, reportUs, 0, null, 0, 0);
                }
                return;
            }
            if (!_cardIn || _contactOnly)
            {
                return;
            }
            _releasePending = true;
            _releaseUs = tUs;
            _releaseSettledUs = tUs + spanUs;
            _contactAtRelease = _contact == 1;
        }

        void ContactClosed(long tUs, int edges, long spanUs, long reportUs)
        {
            _ignoreNextContactOpen = false;
            if (_releasePending)
            {
                // The contact proves the card is in while detect is out: a dropout; from here the
                // contact alone decides when this card leaves.
                _releasePending = false;
                _contactOnly = true;
                Dropout(_releaseUs, tUs - _releaseUs, reportUs);
            }
            else if (_cardIn && _detectStuck && !_record.Seated)
            {
                // The half-in card judged stuck is gone (last seen when it went in); this is a new card.
                Finish(_record.InsertedUs, reportUs);
            }
            if (!_cardIn)
            {
                // Contact with no detect: the detect switch never asserted, or is stuck asserted.
                int flag = _detect == 1 ? InsertionFlags.DetectStuck : InsertionFlags.ContactWithoutDetect;
                SeatWithoutDetectEdge(true, flag, tUs, edges, spanUs, reportUs);
                return;
            }
            if (!_record.Seated)
            {
                Seat(tUs, edges, spanUs, reportUs);
                return;
            }
            if (_contactOpenUs == None)
            {
                return;
            }
            if (_contactOpenUs < _settleEndUs)
            {
                // Still the spring settling after seating: bounce, not an interruption.
                _record.ContactBounces += edges;
                _record.ContactBounceSpanUs = tUs + spanUs - _record.SeatedUs;
            }
            else if (tUs - _contactOpenUs >= _settings.ReseatGapUs)
            {
                // Too long for a dropout: the card left with detect held, and this is the next one seating.
                Finish(_contactOpenUs, reportUs);
                SeatWithoutDetectEdge(false, InsertionFlags.Reseated, tUs, edges, spanUs, reportUs);
                return;
            }
            else
            {
                long lostUs = tUs - _contactOpenUs;
                _record.Interruptions++;
                _record.InterruptedUs += lostUs;
                _bus.Emit(EventCode.ContactRestored, tUs, reportUs, _record.Index, _record, lostUs, _record.Interruptions);
            }
            _contactOpenUs = None;
        }

        void ContactOpened(long tUs, int edges, long spanUs, long reportUs)
        {
            if (_ignoreNextContactOpen)
            {
                _ignoreNextContactOpen = false;
                return;
            }
            if (!_cardIn || !_record.Seated)
            {
                return;
            }
            if (_contactOnly)
            {
                Finish(tUs, reportUs);
                return;
            }
            _contactOpenUs = tUs;
            if (tUs < _settleEndUs)
            {
                _record.ContactBounces += edges;
                _record.ContactBounceSpanUs = tUs + spanUs - _record.SeatedUs;
                return;
            }
            // A transaction may be in flight: say so now, so the terminal can retry on the fallback reader.
            _bus.Emit(EventCode.TransactionInterrupted, tUs, reportUs, _record.Index, _record, 0, 0);
        }

        void ReaderFaultChanged(int level, long tUs, long reportUs)
        {
            if (level == 1 && _cardIn)
            {
                _record.ReadAttempts++;
                _record.ReadFailures++;
                _record.Flags |= InsertionFlags.ReaderFault;
            }
            _bus.Emit(level == 1 ? EventCode.ReaderFaultAsserted : EventCode.ReaderFaultCleared, tUs, reportUs, CurrentIndex, Current, 0, 0);
        }

        void StartInsertion(long tUs, long reportUs)
        {
            if (_detectStuck)
            {
                _cardsWhileStuck++;
            }
            Insertions++;
            _record.Clear();
            _record.Index = Insertions;
            _record.InsertedUs = tUs;
            _record.InsertedReportedUs = reportUs;
            _cardIn = true;
            _contactOnly = false;
            _contactOpenUs = None;
            _releasePending = false;
        }

        /// <summary>A card first seen on the contact, with no detect edge of its own: start it flagged, announce it, seat it.</summary>
        void SeatWithoutDetectEdge(bool contactOnly, int flag, long tUs, int edges, long spanUs, long reportUs)
        {
            StartInsertion(tUs, reportUs);
            _contactOnly = contactOnly;
            _record.Flags |= flag;
            _bus.Emit(EventCode.CardInserted, tUs, reportUs, _record.Index, _record, 0, 0);
            if (flag == InsertionFlags.ContactWithoutDetect)
            {
                _bus.Emit(EventCode.ContactWithoutDetect, tUs, reportUs, _record.Index, _record, 0, 0);
            }
            Seat(tUs, edges, spanUs, reportUs);
        }

        void Seat(long tUs, int edges, long spanUs, long reportUs)
        {
            _record.SeatedUs = tUs;
            _record.SeatedReportedUs = reportUs;
            _record.ContactBounces = edges;
            _record.ContactBounceSpanUs = spanUs;
            _settleEndUs = tUs + _settings.ContactSettleUs;
            _bus.Emit(EventCode.CardSeated, tUs, reportUs, _record.Index, _record, _record.SeatDelayUs, 0);
        }

        void Finish(long removedUs, long reportUs)
        {
            _record.RemovedUs = removedUs;
            _record.RemovedReportedUs = reportUs;
            if (!_record.Seated)
            {
                _record.Flags |= InsertionFlags.NeverSeated;
            }
            _cardIn = false;
            _contactOnly = false;
            _contactOpenUs = None;
            _releasePending = false;
            Removals++;
            _bus.Emit(EventCode.CardRemoved, removedUs, reportUs, _record.Index, _record, 0, 0);
        }

    }
}
