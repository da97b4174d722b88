using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// Keeps the firmware's state across power cuts, in two snapshot files written alternately
    /// (a torn write always leaves the other, older one) and a journal of the inputs that moved the
    /// state since the last snapshot, one small record per insertion. A power cut therefore loses
    /// at most the insertion in flight; boot restores the newest good snapshot and replays the
    /// journal through the same code that made it, so the state comes back exactly.
    ///
    /// A snapshot is taken once the events settle after every health, flag, fallback or maintenance
    /// change, and otherwise every SnapshotEveryEntries journal entries. Storage failures never stop
    /// the firmware: they are logged once, the journal pauses, and the next settle retries.
    /// Format and reasons: docs/persistence.md.
    /// </summary>
    public sealed class StateStore : ISlotEventSink, IEventsSettledSink
    {
        const int EntryCapacity = 96;

        readonly IStateStorage _storage;
        readonly StoreSettings _s;
        readonly SlotFirmware _fw;
        readonly ByteWriter _snapshot;
        readonly ByteWriter _entry = new ByteWriter(EntryCapacity);
        readonly InsertionRecord _replayRecord = new InsertionRecord();
        readonly SlotEvent _replayEvent = new SlotEvent();

        uint _snapshotSeq;
        int _nextSlot = StoreFiles.SnapshotA;
        uint _journalSeq;
        int _journalEntries;
        int _segments;
        int _segmentBytes;
        string _segmentName;
        bool _journalBroken;
        long _logIdAtSnapshot;
        bool _snapshotDue;
        bool _booted;
        bool _writing;
        bool _writeFailing;
        bool _markerPending;

        public StateStore(IStateStorage storage, StoreSettings settings, SlotFirmware firmware)
        {
            _storage = storage;
            _s = settings;
            _fw = firmware;
            _snapshot = new ByteWriter(settings.SnapshotCapacity);
        }

        /// <summary>Boots since the board was new, and the reset reason the board gave for this one.</summary>
        public long Boots;
        public int LastResetReason;

        /// <summary>Snapshots written, journal entries written, and writes that failed.</summary>
        public long SnapshotsWritten;
        public long EntriesWritten;
        public long WriteFailures;

        /// <summary>The size of the last snapshot, in bytes.</summary>
        public int SnapshotBytes;

        /// <summary>Recovers the state the storage holds (see BootReport), then snapshots it at once.</summary>
        public BootReport Boot(int resetReason)
        {
            BootReport report = new BootReport();
            report.ResetReason = resetReason;
            int[] discardFile = new int[4];
            int[] discardWhy = new int[4];

            byte[] a = _storage.Read(StoreFiles.Name(StoreFiles.SnapshotA));
            byte[] b = _storage.Read(StoreFiles.Name(StoreFiles.SnapshotB));
            uint seqA, seqB;
            int whyA = CheckSnapshot(a, out seqA);
            int whyB = CheckSnapshot(b, out seqB);
            byte[] best = null;
            if (whyA == StoreDiscard.None && (whyB != StoreDiscard.None || seqA > seqB))
            {
                best = a;
                _snapshotSeq = seqA;
                _nextSlot = StoreFiles.SnapshotB;
            }
            else if (whyB == StoreDiscard.None)
            {
                best = b;
                _snapshotSeq = seqB;
                _nextSlot = StoreFiles.SnapshotA;
            }
            if (a != null && whyA != StoreDiscard.None)
            {
                Note(report, discardFile, discardWhy, StoreFiles.SnapshotA, whyA);
            }
            if (b != null && whyB != StoreDiscard.None)
            {
                Note(report, discardFile, discardWhy, StoreFiles.SnapshotB, whyB);
            }

            _segments = CountSegments();
            if (best != null)
            {
                Load(_fw, best);
                // Entries logged after this snapshot are gone; skip their ids before replay logs anything.
                _fw.Log.SkipIds(_s.LogIdReserve);
                report.SnapshotSequence = _snapshotSeq;
                report.ResumeUs = _resumeUs;
                int why = StoreDiscard.None;
                for (int n = 0; n < _segments && why == StoreDiscard.None; n++)
                {
                    why = Replay(_storage.Read(StoreFiles.JournalSegment(n)), report);
                }
                report.ResumeUs = _resumeUs;
                if (why != StoreDiscard.None)
                {
                    Note(report, discardFile, discardWhy, StoreFiles.Journal, why);
                }
                report.Outcome = EventCode.StoreRecovered;
            }
            else if (_storage.Read(StoreFiles.NewBoardMarker) != null)
            {
                // Provisioned and never snapshotted yet (the marker goes after the first snapshot): a new board.
                report.Outcome = EventCode.StoreNew;
                _markerPending = true;
            }
            else
            {
                // The board had state (it was provisioned, or files are there) and none of it is usable.
                report.Outcome = EventCode.StoreLost;
                _fw.Counters.StoreLosses++;
            }

            Boots++;
            LastResetReason = resetReason;
            report.Boot = Boots;
            _fw.Core.Monitor.Insertions = _fw.Counters.BoardInsertions;
            _booted = true;

            long resumeUs = report.ResumeUs;
            _fw.Core.Bus.Hold();
            for (int i = 0; i < report.Discarded && i < discardFile.Length; i++)
            {
                _fw.Core.Bus.Emit(EventCode.StoreDiscarded, resumeUs, resumeUs, 0, null, discardFile[i], discardWhy[i]);
            }
            long detail1 = report.Outcome == EventCode.StoreRecovered ? report.SnapshotSequence : _fw.Counters.BoardInsertions;
            _fw.Core.Bus.Emit(report.Outcome, resumeUs, resumeUs, _fw.Counters.BoardInsertions, null, detail1, report.JournalReplayed);
            if (_fw.Fallback.Engaged)
            {
                // Tell the terminal again: it may have rebooted with the board.
                _fw.Core.Bus.Emit(EventCode.FallbackEngaged, resumeUs, resumeUs, _fw.Counters.BoardInsertions, null, -1, Health.ReasonCode.RestoredAtBoot);
            }
            _snapshotDue = true;
            _fw.Core.Bus.Release();
            if (SnapshotsWritten == 0)
            {
                // The old segments (perhaps with a torn tail) are still there: append nothing after them.
                _journalBroken = true;
            }
            return report;
        }

        long _resumeUs;

        public void OnSlotEvent(SlotEvent e)
        {
            if (!_booted)
            {
                return;
            }
            switch (e.Code)
            {
                case EventCode.CardRemoved:
                    JournalInsertion(e.Record);
                    break;
                case EventCode.DetectStuck:
                    JournalInput(RecordKind.DetectStuck, e.TimeUs, e.InsertionIndex);
                    break;
                case EventCode.DetectRecovered:
                    JournalInput(RecordKind.DetectRecovered, e.TimeUs, e.InsertionIndex);
                    break;
                case EventCode.LineNoise:
                case EventCode.LineChatter:
                    // The analyser counts detect noise outside insertions: an input, like a card.
                    if (e.Detail1 == SlotLine.Detect && e.Record == null)
                    {
                        JournalInput(RecordKind.DetectNoise, e.TimeUs, e.InsertionIndex);
                    }
                    break;
                case EventCode.SlotCleaned:
                    JournalInput(RecordKind.SlotCleaned, e.TimeUs, e.InsertionIndex);
                    _snapshotDue = true;
                    break;
                case EventCode.SlotReplaced:
                    JournalInput(RecordKind.SlotReplaced, e.TimeUs, e.InsertionIndex);
                    _snapshotDue = true;
                    break;
            }
            if (Milestone.Is(e.Code, e.Detail2))
            {
                // Every milestone is in a snapshot once the events settle: the history survives a cut.
                _snapshotDue = true;
            }
        }

        public void OnEventsSettled()
        {
            if (!_booted || _writing)
            {
                return;
            }
            if (_snapshotDue || _journalEntries >= _s.SnapshotEveryEntries
                || _fw.Log.NextId - _logIdAtSnapshot >= _s.SnapshotEveryLogEntries)
            {
                WriteSnapshot();
            }
        }

        /// <summary>Writes a snapshot now (the console's "save", and every settle that needs one).</summary>
        public bool WriteSnapshot()
        {
            _writing = true;
            _snapshot.Reset();
            uint seq = _snapshotSeq + 1;
            int start = RecordFrame.Begin(_snapshot, RecordKind.Snapshot, seq);
            _snapshot.UInt(_journalSeq);
            _snapshot.Long(Boots);
            _snapshot.Int(LastResetReason);
            _snapshot.Long(_fw.Core.NowUs > _resumeUs ? _fw.Core.NowUs : _resumeUs);
            _fw.Counters.SaveState(_snapshot);
            _fw.Health.SaveState(_snapshot);
            _fw.Fallback.SaveState(_snapshot);
            _fw.Log.SaveState(_snapshot);
            bool ok = RecordFrame.End(_snapshot, start)
                && Written(_storage.Write(StoreFiles.Name(_nextSlot), _snapshot.Buffer, _snapshot.Position));
            if (ok)
            {
                SnapshotsWritten++;
                SnapshotBytes = _snapshot.Position;
                _snapshotSeq = seq;
                _nextSlot = _nextSlot == StoreFiles.SnapshotA ? StoreFiles.SnapshotB : StoreFiles.SnapshotA;
                _snapshotDue = false;
                _journalEntries = 0;
                _logIdAtSnapshot = _fw.Log.NextId;
                // The journal's entries are all in the snapshot now; a journal that will not go stays paused.
                _journalBroken = !DeleteSegments();
                _snapshotDue = _journalBroken;
                if (_markerPending)
                {
                    // From now on an empty drive means a lost one.
                    _markerPending = !_storage.Delete(StoreFiles.NewBoardMarker);
                }
            }
            _writing = false;
            return ok;
        }

        void JournalInsertion(InsertionRecord r)
        {
            if (Ready())
            {
                JournalEntry.WriteInsertion(_entry, _journalSeq + 1, _fw.Counters.BoardInsertions, r);
                Append();
            }
        }

        void JournalInput(int kind, long tUs, long insertion)
        {
            if (Ready())
            {
                JournalEntry.WriteInput(_entry, _journalSeq + 1, kind, tUs, insertion);
                Append();
            }
        }

        bool Ready()
        {
            if (_journalBroken)
            {
                _snapshotDue = true; // the snapshot will carry this input instead
                return false;
            }
            return true;
        }

        void Append()
        {
            if (_segments == 0 || _segmentBytes + _entry.Position > _s.JournalSegmentBytes)
            {
                _segmentName = StoreFiles.JournalSegment(_segments);
                _segments++;
                _segmentBytes = 0;
            }
            bool ok = !_entry.Overflowed
                && Written(_storage.Append(_segmentName, _entry.Buffer, 0, _entry.Position));
            if (ok)
            {
                _segmentBytes += _entry.Position;
                _journalSeq++;
                _journalEntries++;
                EntriesWritten++;
                return;
            }
            // What follows a failed append may be unreadable: pause the journal until a snapshot restarts it.
            _journalBroken = true;
            _snapshotDue = true;
        }

        /// <summary>Segments on the drive: journal-0 up to the first missing one.</summary>
        int CountSegments()
        {
            int n = 0;
            while (n < 65536 && _storage.Read(StoreFiles.JournalSegment(n)) != null)
            {
                n++;
            }
            return n;
        }

        /// <summary>
        /// Deletes the journal, newest segment first: a cut part-way leaves journal-0..k, entries the
        /// snapshot already holds, which boot finds and skips; never a gap before live segments.
        /// </summary>
        bool DeleteSegments()
        {
            while (_segments > 0)
            {
                if (!Written(_storage.Delete(StoreFiles.JournalSegment(_segments - 1))))
                {
                    return false;
                }
                _segments--;
            }
            _segmentBytes = 0;
            return true;
        }

        bool Written(bool ok)
        {
            if (!ok)
            {
                WriteFailures++;
                if (!_writeFailing)
                {
                    _writeFailing = true;
                    long t = _fw.Core.NowUs;
                    _fw.Core.Bus.Emit(EventCode.StoreWriteFailed, t, t, _fw.Counters.BoardInsertions, null, WriteFailures, 0);
                }
            }
            else if (_writeFailing)
            {
                _writeFailing = false;
                long t = _fw.Core.NowUs;
                _fw.Core.Bus.Emit(EventCode.StoreWriteRestored, t, t, _fw.Counters.BoardInsertions, null, WriteFailures, 0);
            }
            return ok;
        }

        /// <summary>A whole, intact, loadable snapshot (tried on a blank firmware first), or why not.</summary>
        int CheckSnapshot(byte[] data, out uint sequence)
        {
            sequence = 0;
            if (data == null)
            {
                return StoreDiscard.Empty;
            }
            int kind, length, version;
            int why = RecordFrame.Check(data, 0, data.Length, out kind, out sequence, out length, out version);
            if (why != StoreDiscard.None)
            {
                return why;
            }
            if (kind != RecordKind.Snapshot)
            {
                return StoreDiscard.Foreign;
            }
            return Load(_fw.Blank(), data) ? StoreDiscard.None : StoreDiscard.Unreadable;
        }

        bool Load(SlotFirmware target, byte[] data)
        {
            // Version 1 kept the newest 32 log entries, fixed-width; 2 the milestone history (EventLog.LoadVersion1
            // migrates); 3 the payments retried among the counters.
            int version = data[1];
            ByteReader r = new ByteReader(data, RecordFrame.HeaderSize, data.Length - RecordFrame.Overhead);
            uint journalSeq = r.UInt();
            long boots = r.Long();
            int reason = r.Int();
            long resumeUs = r.Long();
            target.Counters.LoadState(r, version);
            target.Health.LoadState(r);
            target.Fallback.LoadState(r);
            if (version == 1)
            {
                target.Log.LoadVersion1(r);
            }
            else
            {
                target.Log.LoadState(r);
            }
            if (r.Failed || r.Remaining != 0)
            {
                return false;
            }
            if (target == _fw)
            {
                _journalSeq = journalSeq;
                Boots = boots;
                LastResetReason = reason;
                _resumeUs = resumeUs;
            }
            return true;
        }

        /// <summary>Replays the journal's entries after the snapshot, in order; returns why it stopped early (or None).</summary>
        int Replay(byte[] journal, BootReport report)
        {
            if (journal == null)
            {
                return StoreDiscard.None;
            }
            int offset = 0;
            while (offset < journal.Length)
            {
                int kind, length;
                uint seq;
                int why = RecordFrame.Check(journal, offset, journal.Length - offset, out kind, out seq, out length);
                if (why != StoreDiscard.None)
                {
                    return why; // a torn tail: the entry in flight when the power went
                }
                ByteReader r = new ByteReader(journal, offset + RecordFrame.HeaderSize, length);
                offset += RecordFrame.Overhead + length;
                if (seq <= _journalSeq)
                {
                    continue; // already in the snapshot (its journal was not deleted yet)
                }
                if (seq != _journalSeq + 1)
                {
                    return StoreDiscard.OutOfSequence;
                }
                if (!Apply(kind, r))
                {
                    return StoreDiscard.Unreadable;
                }
                _journalSeq = seq;
                report.JournalReplayed++;
            }
            return StoreDiscard.None;
        }

        bool Apply(int kind, ByteReader r)
        {
            if (kind == RecordKind.Insertion)
            {
                InsertionRecord rec = _replayRecord;
                long index = JournalEntry.ReadInsertion(r, rec);
                if (index < 1)
                {
                    return false;
                }
                if (index > _fw.Counters.BoardInsertions)
                {
                    _fw.Counters.SlotInsertions += index - _fw.Counters.BoardInsertions;
                    _fw.Counters.BoardInsertions = index;
                }
                Resume(rec.RemovedUs);
                _replayEvent.Set(EventCode.CardRemoved, rec.RemovedUs, rec.RemovedUs, index, rec, 0, 0);
                // Each entry replays once (its sequence is past the snapshot's), so its card's payment counts once.
                _fw.Counters.OnSlotEvent(_replayEvent);
                _fw.Health.OnSlotEvent(_replayEvent);
                return true;
            }
            long tUs = r.VarLong();
            long insertion = r.VarLong();
            if (r.Failed || r.Remaining != 0)
            {
                return false;
            }
            Resume(tUs);
            switch (kind)
            {
                case RecordKind.DetectNoise:
                    _replayEvent.Set(EventCode.LineNoise, tUs, tUs, insertion, null, SlotLine.Detect, 0);
                    _fw.Health.OnSlotEvent(_replayEvent);
                    return true;
                case RecordKind.DetectStuck:
                    _replayEvent.Set(EventCode.DetectStuck, tUs, tUs, insertion, null, 0, 0);
                    _fw.Health.OnSlotEvent(_replayEvent);
                    return true;
                case RecordKind.DetectRecovered:
                    _replayEvent.Set(EventCode.DetectRecovered, tUs, tUs, insertion, null, 0, 0);
                    _fw.Health.OnSlotEvent(_replayEvent);
                    return true;
                case RecordKind.SlotCleaned:
                    _fw.Health.SlotCleaned(tUs, insertion);
                    return true;
                case RecordKind.SlotReplaced:
                    _fw.Health.SlotReplaced(tUs, insertion);
                    return true;
            }
            return false;
        }

        void Resume(long tUs)
        {
            if (tUs > _resumeUs)
            {
                _resumeUs = tUs;
            }
        }

        static void Note(BootReport report, int[] files, int[] whys, int file, int why)
        {
            if (report.Discarded < files.Length)
            {
                files[report.Discarded] = file;
                whys[report.Discarded] = why;
            }
            report.Discarded++;
        }
    }
}
