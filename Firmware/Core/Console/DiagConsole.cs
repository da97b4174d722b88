using PosSlot.Firmware.Events;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The diagnostics console over a byte stream (COM2 on the board, a pseudo-terminal in the
    /// emulator). A line starting with `$` is a machine frame (`$seq command*CRC`, one-line JSON
    /// reply); any other line is a person's command, echoed and answered in "name: value unit" lines.
    /// This class is the one writer of the output: replies, queued events and the prompt go out in
    /// order from Receive and Poll, never from inside the core's event dispatch. Protocol: docs/console.md.
    /// </summary>
    public sealed partial class DiagConsole
    {
        public const string Prompt = "posslot> ";

        readonly SlotFirmware _fw;
        readonly DeviceIdentity _id;
        readonly AuthGate _auth;
        readonly IConsolePort _port;
        readonly IBoardProbe _probe;
        readonly IStateStorage _storage;
        readonly long _bootUs;
        readonly LineReader _reader = new LineReader();
        readonly MachineFrame _frame = new MachineFrame();
        readonly ReplyCache _cache = new ReplyCache();
        readonly Reply _reply = new Reply();
        readonly CommandArgs _args = new CommandArgs();
        readonly PushQueue _push = new PushQueue();
        bool _machineMode;
        long _nowUs;
        long _forceUntilUs;

        /// <summary>Counts a technician can read with `errors`.</summary>
        public long CrcErrors;
        public long BadFrames;
        public long LinesTooLong;
        public long LinesTimedOut;
        public long UnknownCommands;
        public long RepliesReplayed;
        public long Logins;

        /// <summary>Destructive commands run (each after an intact, authenticated request).</summary>
        public long DestructiveRun;

        /// <summary>The request that ran the last destructive command: its seq (0 for a typed line) and words as received.</summary>
        public int LastDestructiveSeq;
        public string LastDestructiveCommand;
        int _requestSeq;
        string _request;
        bool _requestTagged;
        bool _tagValid;

        /// <summary>
        /// Wires the console to the firmware (its push queue joins the event bus: call before feeding
        /// edges). `storage` may be null (no drive); `probe` may be null (no board to ask).
        /// nowUs is the firmware clock at this boot: uptime counts from it.
        /// </summary>
        public DiagConsole(SlotFirmware fw, DeviceIdentity id, AuthGate auth, IConsolePort port, IBoardProbe probe, IStateStorage storage, long nowUs)
        {
            _fw = fw;
            _id = id;
            _auth = auth;
            _port = port;
            _probe = probe;
            _storage = storage;
            _bootUs = nowUs;
            _nowUs = nowUs;
            _push.Log = _fw.Log;
            _fw.Core.AddSink(_push);
            if (!_auth.Load(nowUs))
            {
                Log(EventCode.AuthLockedOut, AuthGate.MaxLockoutUs / 1000000, 1);
            }
            if (_fw.Fallback.Forced)
            {
                // A forced mode is bounded in minutes; a reboot ends it rather than keep it unbounded.
                _fw.Fallback.Unforce(nowUs, _fw.Core.Monitor.CurrentIndex, _fw.Health.State);
                Log(EventCode.ConsoleAction, ConsoleAction.FallbackForceExpired, 0);
            }
        }

        /// <summary>Writes the greeting and the first prompt (when a person may be listening).</summary>
        public void Start()
        {
            _port.Write("\r\nPosSlot diagnostics console (" + DeviceIdentity.Protocol + "). Type help.\r\n" + Prompt);
        }

        public long UptimeUs { get { return _nowUs - _bootUs; } }

        /// <summary>
        /// False on the board: the console's clock is the slot's, and a command brings the core up to
        /// it. True in the emulator, where the slot runs accelerated but the console's timers (line
        /// timeout, nonce, session, lockout, forced fallback) must run at a person's pace: the console
        /// then gets wall-clock time and stamps its actions with the core's own clock.
        /// </summary>
        public bool SeparateSlotClock;
        public bool MachineMode { get { return _machineMode; } }
        public long PushDropped { get { return _push.DroppedTotal; } }
        public long IgnoredBytes { get { return _reader.Ignored; } }

        /// <summary>Bytes from the serial line, at nowUs on the firmware clock.</summary>
        public void Receive(byte[] data, int offset, int count, long nowUs)
        {
            Clock(nowUs);
            for (int i = offset; i < offset + count; i++)
            {
                string echo;
                int r = _reader.Feed(data[i], _nowUs, out echo);
                if (r == LineReader.TimedOut)
                {
                    LineTimedOut();
                }
                if (echo != null && !LineIsMachine())
                {
                    _port.Write(echo);
                }
                if (r == LineReader.LineReady)
                {
                    HandleLine();
                }
                else if (r == LineReader.TooLong)
                {
                    LinesTooLong++;
                    LinkError(ErrorCode.LineTooLong, "line dropped: longer than 256 bytes");
                }
            }
            Flush();
        }

        /// <summary>Time passes without input: line timeouts, session and forced-fallback expiry, queued events.</summary>
        public void Poll(long nowUs)
        {
            Clock(nowUs);
            if (_reader.Expire(_nowUs))
            {
                LineTimedOut();
            }
            Flush();
        }

        void LineTimedOut()
        {
            LinesTimedOut++;
            LinkError(ErrorCode.LineTimedOut, "line dropped: no line end within 2 s");
        }

        void Clock(long nowUs)
        {
            if (nowUs > _nowUs)
            {
                _nowUs = nowUs;
            }
            if (_forceUntilUs > 0 && _nowUs >= _forceUntilUs)
            {
                _forceUntilUs = 0;
                if (_fw.Fallback.Forced)
                {
                    _fw.Fallback.Unforce(Now(), _fw.Core.Monitor.CurrentIndex, _fw.Health.State);
                    Log(EventCode.ConsoleAction, ConsoleAction.FallbackForceExpired, 0);
                }
            }
        }

        bool LineIsMachine()
        {
            return _reader.Length > 0 && _reader.First == (byte)'$';
        }

        void HandleLine()
        {
            if (LineIsMachine())
            {
                _machineMode = true;
                _frame.Parse(_reader.Buffer, _reader.Length);
                // The tag covers the frame's raw bytes: check it while they are in the buffer.
                _requestTagged = _frame.Status == MachineFrame.Intact && _frame.HasTag;
                _tagValid = _requestTagged && _auth.TagMatches(_reader.Buffer, 1, _frame.SignedLength, _frame.Tag, _nowUs);
                _reader.TakeLine();
                HandleFrame();
                return;
            }
            string line = _reader.TakeLine().Trim();
            _machineMode = false;
            _port.Write("\r\n");
            if (line.Length > 0)
            {
                _reply.Start(false);
                _requestSeq = 0;
                _requestTagged = false;
                _tagValid = false;
                _request = line;
                Execute(line);
                _port.Write(_reply.Finish());
            }
            if (!Flush())
            {
                _port.Write(Prompt);
            }
        }

        void HandleFrame()
        {
            if (_frame.Status != MachineFrame.Intact)
            {
                string why;
                if (_frame.Status == MachineFrame.CrcWrong)
                {
                    CrcErrors++;
                    why = "bad CRC " + Hex.Of(_frame.ReceivedCrc, 4) + ": frame not executed";
                }
                else if (_frame.Status == MachineFrame.CrcMissing)
                {
                    CrcErrors++;
                    why = "no CRC (frames end *XXXX): frame not executed";
                }
                else
                {
                    BadFrames++;
                    why = "no sequence number (frames start $<1-999999999> ): frame not executed";
                }
                _reply.Start(true);
                _reply.Error(_frame.Status == MachineFrame.Unreadable ? ErrorCode.BadFrame : ErrorCode.BadCrc, why);
                // The seq of a damaged frame may itself be damaged: it only names the error, and nothing is cached.
                _port.Write(MachineFrame.Format(_frame.Seq > 0 ? _frame.Seq : 0, _reply.Finish()));
                return;
            }
            string cached = _cache.Find(_frame.Seq);
            if (cached != null)
            {
                RepliesReplayed++;
                _port.Write(cached);
                return;
            }
            _reply.Start(true);
            _requestSeq = _frame.Seq;
            _request = _frame.Command;
            Execute(_frame.Command);
            string reply = MachineFrame.Format(_frame.Seq, _reply.Finish());
            _cache.Add(_frame.Seq, reply);
            _port.Write(reply);
        }

        /// <summary>An error that belongs to no request: a seq-0 frame or a line of its own.</summary>
        void LinkError(int code, string message)
        {
            _reply.Start(_machineMode);
            _reply.Error(code, message);
            string body = _reply.Finish();
            _port.Write(_machineMode ? MachineFrame.Format(0, body) : "\r\n" + body + Prompt);
        }

        /// <summary>Writes queued events: seq-0 frames in machine mode, a marked line for a person.</summary>
        bool Flush()
        {
            bool wrote = false;
            int code;
            long t, insertion, d1, d2, id, dropped;
            while (_push.Take(out code, out t, out insertion, out d1, out d2, out id, out dropped))
            {
                if (!_machineMode && code != EventCode.FallbackEngaged && code != EventCode.FallbackReleased
                    && code != EventCode.FallbackForTransaction && code != EventCode.HealthChanged)
                {
                    continue; // a person is told of fallback and health; the rest is in `events`
                }
                _reply.Start(_machineMode);
                PushedEvent(code, t, insertion, d1, d2, id, dropped);
                string body = _reply.Finish();
                if (_machineMode)
                {
                    _port.Write(MachineFrame.Format(0, body));
                }
                else
                {
                    _port.Write("\r\n! " + body);
                    wrote = true;
                }
            }
            if (wrote)
            {
                // Put the person's prompt and half-typed line back under the event.
                _port.Write(Prompt + _reader.Partial());
            }
            return wrote;
        }

        /// <summary>Brings the core's clock to now before a command acts on the firmware.</summary>
        void Advance()
        {
            if (!SeparateSlotClock && _nowUs > _fw.Core.NowUs)
            {
                _fw.Core.Advance(_nowUs);
            }
        }

        /// <summary>Boots since the board was new (1 without a store).</summary>
        long Boots { get { return _fw.Store != null ? _fw.Store.Boots : 1; } }

        long StoreWriteFailures { get { return _fw.Store != null ? _fw.Store.WriteFailures : 0; } }

        /// <summary>Lockout left, in whole seconds rounded up (0 when not locked).</summary>
        long LockedSeconds { get { return Seconds(_auth.LockedForUs(_nowUs) + 999999); } }

        string FallbackMode()
        {
            return !_fw.Fallback.Forced ? "auto" : (_fw.Fallback.ForcedOff ? "forced_off" : "forced_on");
        }

        /// <summary>The slot's clock for an action, brought up to now.</summary>
        long Now()
        {
            Advance();
            return SeparateSlotClock || _fw.Core.NowUs > _nowUs ? _fw.Core.NowUs : _nowUs;
        }

        void Log(int code, long d1, long d2)
        {
            long t = Now();
            _fw.Core.Bus.Emit(code, t, t, _fw.Counters.BoardInsertions, null, d1, d2);
        }
    }
}
