using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;

namespace PosSlot.Firmware.Console
{
    /// <summary>The read-only commands: what a technician reads about the slot. Slot mechanics only, never card data.</summary>
    public sealed partial class DiagConsole
    {
        public const int MaxEventsPerReply = 32;

        /// <summary>
        /// The longest reply text the console builds. The reply builder keeps the capacity of its longest reply and
        /// nanoFramework's StringBuilder doubles it past 4,096 characters (8 KB more of a 48 KB budget), and the
        /// reply cache keeps four frames: an `events` reply stops early (more: true) to stay under this.
        /// </summary>
        public const int MaxReplyChars = 3840;

        void Hello()
        {
            _reply.Text("protocol", DeviceIdentity.Protocol);
            _reply.Text("model", DeviceIdentity.Model);
            _reply.Text("board", _id.Board);
            _reply.Text("firmware", _id.FirmwareVersion);
            _reply.Text("serial", _id.Serial);
            _reply.Seconds("uptime", Seconds(UptimeUs));
            _reply.Seconds("clock", Seconds(Now()));
            _reply.Number("boots", Boots, null);
        }

        void Status()
        {
            Advance();
            SlotHealthAnalyzer h = _fw.Health;
            FallbackController f = _fw.Fallback;
            _reply.Text("health", HealthState.Name(h.State));
            _reply.Text("fault", h.StateFault >= 0 ? FaultClass.Name(h.StateFault) : "none");
            _reply.Text("fallback", f.Engaged ? "engaged" : "off");
            _reply.Text("fallback_mode", FallbackMode());
            _reply.Seconds("force_left", f.Forced && _forceUntilUs > _nowUs ? Seconds(_forceUntilUs - _nowUs) : 0);
            _reply.Text("card", CardState());
            _reply.Number("insertions_board", _fw.Counters.BoardInsertions, null);
            _reply.Number("insertions_slot", _fw.Counters.SlotInsertions, null);
            _reply.Decimal("life_used", 100.0 * _fw.Counters.SlotInsertions / _fw.HealthSettings.RatedCycles, 1, "pct");
            _reply.Number("flags", RaisedFlags(), null);
            _reply.Flag("session", _auth.Authenticated(_nowUs));
            _reply.Seconds("auth_locked", LockedSeconds);
            _reply.Seconds("uptime", Seconds(UptimeUs));
        }

        string CardState()
        {
            if (!_fw.Core.Monitor.CardIn)
            {
                return "out";
            }
            return _fw.Core.Line(SlotLine.Contact).StableLevel == 1 ? "seated" : "in";
        }

        int RaisedFlags()
        {
            int n = 0;
            for (int f = 0; f < FaultClass.Count; f++)
            {
                if (_fw.Health.Level(f) > HealthState.Healthy)
                {
                    n++;
                }
            }
            return n;
        }

        void Counters()
        {
            _reply.Number("insertions_board", _fw.Counters.BoardInsertions, null);
            _reply.Number("insertions_slot", _fw.Counters.SlotInsertions, null);
            _reply.Number("rated_life", _fw.HealthSettings.RatedCycles, null);
            _reply.Number("replacements", _fw.Counters.Replacements, null);
            _reply.Number("removals", _fw.Core.Monitor.Removals, null);
            // Cards with a failed chip read: payments the customer or the terminal had to try again.
            _reply.Number("payments_retried", _fw.Counters.PaymentsRetried, null);
            _reply.Number("boots", Boots, null);
            _reply.Number("store_losses", _fw.Counters.StoreLosses, null);
            // Above 0 the drive was lost once: the counts are lower bounds.
            _reply.Flag("counts_exact", _fw.Counters.StoreLosses == 0);
        }

        void Wear()
        {
            SlotHealthAnalyzer h = _fw.Health;
            _reply.Flag("baseline_ready", h.BaselineReady);
            _reply.Decimal("baseline_bounce", h.BaselineSpanUs, 0, "us");
            _reply.Decimal("baseline_seat_delay", h.BaselineSeatDelayUs, 0, "us");
            _reply.Decimal("bounce_mean", h.ContactSpan.Mean, 0, "us");
            _reply.Decimal("bounce_p90", h.ContactSpan.P90, 0, "us");
            _reply.Decimal("bounce_count_mean", h.ContactBounces.Mean, 1, null);
            _reply.Decimal("seat_delay_mean", h.SeatDelay.Mean, 0, "us");
            _reply.Decimal("never_seated", 100 * h.NeverSeatedRate, 2, "pct");
            _reply.Decimal("interrupted", 100 * h.InterruptionRate, 2, "pct");
            _reply.Decimal("read_failures", 100 * h.ReadFailureRate, 2, "pct");
            WearForecast fc = h.Forecast;
            _reply.Flag("trend", fc.HasTrend);
            // The forecast's own estimate from the wear trend; status's life_used is insertions over the rated life.
            _reply.Decimal("forecast_life_used", 100 * fc.LifeUsed, 1, "pct");
            _reply.Known("degraded_in", fc.DegradedIn, "insertions");
            _reply.Known("failed_in", fc.FailedIn, "insertions");
            _reply.Known("failed_in_low", fc.FailedInLow, "insertions");
            _reply.Known("failed_in_high", fc.FailedInHigh, "insertions");
            // The same range in days at the measured pace; the unit names the key (failed_in_days, not _days_days).
            _reply.Known("failed_in", fc.Days(fc.FailedIn), "days");
            _reply.Known("failed_in_low", fc.Days(fc.FailedInLow), "days");
            _reply.Known("failed_in_high", fc.Days(fc.FailedInHigh), "days");
            _reply.BeginList("faults");
            for (int f = 0; f < FaultClass.Count; f++)
            {
                _reply.BeginItem();
                _reply.Text("fault", FaultClass.Name(f));
                _reply.Text("level", HealthState.Name(h.Level(f)));
                _reply.Text("reason", ReasonCode.Name(h.Reason(f)));
                _reply.Flag("probation", h.InProbation(f));
                _reply.EndItem();
            }
            _reply.EndList();
        }

        void Events()
        {
            if (!_args.OnlyOptions(1, "--since", "--limit"))
            {
                _reply.Error(ErrorCode.BadArguments, "usage: events [--since ID] [--limit N]");
                return;
            }
            long since = _args.Option("--since", 1, 0, 0, long.MaxValue);
            long limit = _args.Option("--limit", 1, 20, 1, MaxEventsPerReply);
            if (since < 0 || limit < 0)
            {
                _reply.Error(ErrorCode.BadArguments, "--since takes an event id (0 or more), --limit 1 to 32");
                return;
            }
            EventLog log = _fw.Log;
            int first = 0;
            while (first < log.Count && log.IdAt(first) <= since)
            {
                first++;
            }
            int end = first + (int)limit < log.Count ? first + (int)limit : log.Count;
            end = FitEvents(log, first, end);
            if (!_reply.Json)
            {
                EventsForAPerson(log, first, end);
                return;
            }
            _reply.Number("next_id", log.NextId, null);
            _reply.Flag("more", end < log.Count);
            _reply.Number("dropped", log.Dropped, null);
            _reply.BeginList("events");
            for (int i = first; i < end; i++)
            {
                _reply.BeginItem();
                _reply.Number("id", log.IdAt(i), null);
                _reply.Number("t", log.TimeAt(i) / 1000, "ms");
                _reply.Text("event", EventCode.Name(log.CodeAt(i)));
                _reply.Number("insertion", log.InsertionAt(i), null);
                _reply.Text("detail", EventText.Describe(log.CodeAt(i), log.Detail1At(i), log.Detail2At(i)));
                _reply.EndItem();
            }
            _reply.EndList();
            _reply.BeginList("routine");
            for (int code = 1; code < EventCode.Count; code++)
            {
                long n = log.RoutineCount(code);
                if (n > 0)
                {
                    _reply.BeginItem();
                    _reply.Text("event", EventCode.Name(code));
                    _reply.Number("count", n, null);
                    _reply.Number("last_t", log.RoutineLastUs(code) / 1000, "ms");
                    _reply.Number("last_insertion", log.RoutineLastInsertion(code), null);
                    _reply.EndItem();
                }
            }
            _reply.EndList();
        }

        /// <summary>
        /// How many of the milestones first..end fit under MaxReplyChars with the routine counts (at least one, so
        /// paging always moves on). Each is counted at most: its JSON item or its line, whichever is longer.
        /// </summary>
        static int FitEvents(EventLog log, int first, int end)
        {
            int budget = MaxReplyChars - ReplyFrameChars - RoutineChars(log);
            int used = 0;
            for (int i = first; i < end; i++)
            {
                int code = log.CodeAt(i);
                int item = 72 + Digits(log.IdAt(i)) + Digits(log.TimeAt(i) / 1000) + Digits(log.InsertionAt(i))
                    + EventCode.Name(code).Length + EventText.Describe(code, log.Detail1At(i), log.Detail2At(i)).Length;
                if (i > first && used + item > budget)
                {
                    return i;
                }
                used += item;
            }
            return end;
        }

        // The reply's own words around the lists: next_id, more, dropped, the headings, the paging hint.
        const int ReplyFrameChars = 200;

        static int RoutineChars(EventLog log)
        {
            int n = 0;
            for (int code = 1; code < EventCode.Count; code++)
            {
                long count = log.RoutineCount(code);
                if (count > 0)
                {
                    n += 72 + EventCode.Name(code).Length + Digits(count) + Digits(log.RoutineLastUs(code) / 1000) + Digits(log.RoutineLastInsertion(code));
                }
            }
            return n;
        }

        static int Digits(long v)
        {
            int d = 1;
            if (v < 0)
            {
                d++;
                v = -v;
            }
            while (v >= 10)
            {
                v /= 10;
                d++;
            }
            return d;
        }

        /// <summary>The history as lines a person reads: times as durations on the slot clock, insertions in words.</summary>
        void EventsForAPerson(EventLog log, int first, int end)
        {
            _reply.Line("milestones (oldest first; " + log.Dropped.ToString() + " dropped):");
            if (first == end)
            {
                _reply.Line(" none");
            }
            for (int i = first; i < end; i++)
            {
                string detail = EventText.Describe(log.CodeAt(i), log.Detail1At(i), log.Detail2At(i));
                _reply.Line(" #" + log.IdAt(i).ToString() + " at " + Reply.Duration(log.TimeAt(i) / 1000000) + ", " + AtInsertion(log.InsertionAt(i))
                    + ": " + EventCode.Name(log.CodeAt(i)) + (detail.Length > 0 ? " " + detail : ""));
            }
            if (end < log.Count)
            {
                _reply.Line(" more: events --since " + log.IdAt(end - 1).ToString());
            }
            _reply.Line("routine events since the newest milestone:");
            bool any = false;
            for (int code = 1; code < EventCode.Count; code++)
            {
                long n = log.RoutineCount(code);
                if (n > 0)
                {
                    any = true;
                    _reply.Line(" " + EventCode.Name(code) + ": " + n.ToString() + ", the last at " + Reply.Duration(log.RoutineLastUs(code) / 1000000)
                        + ", " + AtInsertion(log.RoutineLastInsertion(code)));
                }
            }
            if (!any)
            {
                _reply.Line(" none");
            }
        }

        /// <summary>"insertion 1234", or "before the first insertion" for events with none yet (0).</summary>
        static string AtInsertion(long insertion)
        {
            return insertion > 0 ? "insertion " + insertion.ToString() : "before the first insertion";
        }

        void AdviceCommand()
        {
            string lang = _args.Count == 2 ? _args[1] : "en";
            if (lang != "en" && lang != "zh")
            {
                _reply.Error(ErrorCode.BadArguments, "usage: advice [en|zh]");
                return;
            }
            int language = lang == "zh" ? Health.Advice.Chinese : Health.Advice.English;
            _reply.Text("health", HealthState.Name(_fw.Health.State));
            if (!_reply.Json && RaisedFlags() == 0)
            {
                _reply.Text("advice", "none");
                return;
            }
            _reply.BeginList("advice");
            for (int f = 0; f < FaultClass.Count; f++)
            {
                int level = _fw.Health.Level(f);
                if (level > HealthState.Healthy)
                {
                    _reply.BeginItem();
                    _reply.Text("fault", FaultClass.Name(f));
                    _reply.Text("level", HealthState.Name(level));
                    _reply.Text("text", Health.Advice.For(f, level, language));
                    _reply.EndItem();
                }
            }
            _reply.EndList();
        }

        void SelfTest()
        {
            bool ok = true;
            _reply.BeginList("lines");
            for (int line = 0; line < SlotLine.Count; line++)
            {
                int raw = _probe != null ? _probe.RawLevel(line) : -1;
                int debounced = _fw.Core.Line(line).StableLevel;
                _reply.BeginItem();
                _reply.Text("line", SlotLine.Name(line));
                _reply.Number("pin", raw, null);
                _reply.Number("debounced", debounced, null);
                // A steady pin that disagrees with the core means lost edges (or a bounce in progress).
                _reply.Flag("agree", raw < 0 || raw == debounced);
                _reply.EndItem();
            }
            _reply.EndList();
            string detail = "no board probe";
            bool capture = _probe != null && _probe.CaptureHealthy(out detail);
            ok &= capture;
            _reply.Text("capture", _probe != null ? _probe.CapturePath : "none");
            _reply.Flag("capture_ok", capture);
            _reply.Text("capture_detail", detail);
            bool storage = StorageWorks();
            ok &= storage;
            _reply.Flag("storage_ok", storage);
            _reply.Number("store_write_failures", StoreWriteFailures, null);
            _reply.Flag("key_present", _auth.HasKey);
            ok &= _auth.HasKey;
            _reply.Flag("ok", ok);
        }

        /// <summary>Writes, reads back and deletes a small file on the drive.</summary>
        bool StorageWorks()
        {
            if (_storage == null)
            {
                return false;
            }
            byte[] probe = new byte[] { 0x50, 0x53, (byte)(_nowUs & 0xFF), (byte)((_nowUs >> 8) & 0xFF) };
            const string name = "selftest.tmp";
            bool ok = _storage.Write(name, probe, probe.Length);
            byte[] back = ok ? _storage.Read(name) : null;
            ok = back != null && back.Length == probe.Length;
            for (int i = 0; ok && i < probe.Length; i++)
            {
                ok = back[i] == probe[i];
            }
            return _storage.Delete(name) && ok;
        }

        void Errors()
        {
            _reply.Number("crc_errors", CrcErrors, null);
            _reply.Number("bad_frames", BadFrames, null);
            _reply.Number("lines_too_long", LinesTooLong, null);
            _reply.Number("lines_timed_out", LinesTimedOut, null);
            _reply.Number("bytes_ignored", _reader.Ignored, null);
            _reply.Number("unknown_commands", UnknownCommands, null);
            _reply.Number("replies_replayed", RepliesReplayed, null);
            _reply.Number("events_dropped", _push.DroppedTotal, null);
            _reply.Number("log_dropped", _fw.Log.Dropped, null);
            _reply.Number("auth_failures", _auth.Failures, null);
            _reply.Number("store_write_failures", StoreWriteFailures, null);
            _reply.Number("edges_out_of_order", _fw.Core.OutOfOrderEdges, null);
        }

        void Read()
        {
            string r = _args[1];
            if (r != "ok" && r != "fail")
            {
                _reply.Error(ErrorCode.BadArguments, "usage: read ok|fail");
                return;
            }
            long t = Now();
            if (!_fw.Core.Monitor.CardIn)
            {
                _reply.Error(ErrorCode.NoCard, "no card in the slot: the read result was not counted");
                return;
            }
            _fw.Core.OnReadResult(r == "ok", t);
            _reply.Number("insertion", _fw.Core.Monitor.CurrentIndex, null);
            _reply.Number("read_failures_this_card", _fw.Core.Monitor.Current != null ? _fw.Core.Monitor.Current.ReadFailures : 0, null);
        }

        /// <summary>A pushed event's body: {"event":"fallback",...} in machine mode, one marked line for a person.</summary>
        void PushedEvent(int code, long tUs, long insertion, long d1, long d2, long id, long dropped)
        {
            string name = code == EventCode.FallbackEngaged || code == EventCode.FallbackReleased || code == EventCode.FallbackForTransaction
                ? "fallback"
                : (code == EventCode.HealthChanged ? "health" : (code == EventCode.TransactionInterrupted ? "transaction_interrupted" : "milestone"));
            if (!_reply.Json)
            {
                string dropNote = dropped > 0 ? " (" + dropped.ToString() + " events dropped before this)" : "";
                string detail = EventText.Describe(code, d1, d2);
                _reply.Line(name + ": " + EventCode.Name(code) + (detail.Length > 0 ? " " + detail : "") + ", " + AtInsertion(insertion) + dropNote);
                return;
            }
            _reply.Text("event", name);
            _reply.Text("code", EventCode.Name(code));
            if (id > 0)
            {
                _reply.Number("id", id, null); // the milestone's id in `events`
            }
            _reply.Number("t", tUs / 1000, "ms");
            _reply.Number("insertion", insertion, null);
            if (name == "milestone")
            {
                _reply.Text("detail", EventText.Describe(code, d1, d2));
            }
            if (code == EventCode.FallbackEngaged || code == EventCode.FallbackReleased)
            {
                _reply.Flag("engaged", code == EventCode.FallbackEngaged);
                _reply.Text("reason", ReasonCode.Name((int)d2));
            }
            else if (code == EventCode.FallbackForTransaction)
            {
                _reply.Flag("this_transaction", true);
                _reply.Number("failed_reads", d1, null);
            }
            else if (code == EventCode.HealthChanged)
            {
                _reply.Text("from", HealthState.Name(HealthDetail.MoveFrom(d1)));
                _reply.Text("to", HealthState.Name(HealthDetail.MoveTo(d1)));
                _reply.Text("reason", ReasonCode.Name((int)d2));
            }
            _reply.Number("dropped", dropped, null);
        }
    }
}
