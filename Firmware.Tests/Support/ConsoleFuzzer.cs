using System.Text;
using PosSlot.Firmware.Console;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// Throws seeded random traffic at a console: well-formed frames and typed lines (destructive ones
    /// among them, and real logins), then damages some of it — flipped bits, dropped and duplicated
    /// bytes, garbage bursts, pauses past the line timeout; destructive frames tagged with the open
    /// session's key, a stale or foreign key, or no tag. After every chunk it checks the rule that
    /// matters: a destructive command ran only from a machine frame that arrived exactly as written,
    /// tagged with the open session's key (a typed line never runs one). Streams: nothing is kept per line.
    /// </summary>
    public sealed class ConsoleFuzzer
    {
        static readonly string[] s_harmless = new string[]
        {
            "status", "hello", "counters", "wear", "events --limit 3", "errors", "auth status", "help", "help log",
            "advice", "advice zh", "read ok", "read fail", "selftest", "bogus", "events --since x", "auth logout",
        };

        static readonly string[] s_destructive = new string[]
        {
            "counters reset --replaced", "maintenance cleaned", "fallback force on --minutes 1", "fallback force off",
            "fallback force auto", "log clear",
        };

        readonly ConsoleRig _rig;
        readonly SeededRandom _r;
        int _seq = 1;
        byte[] _sessionKey;
        readonly byte[] _foreignKey = new byte[32];

        public long Lines;
        public long Damaged;
        public long DestructiveIntactAuthed;
        public long DestructiveRefused;

        /// <summary>Intact destructive frames refused in an open session for a missing or foreign tag, and typed destructive lines refused.</summary>
        public long TagRefused;
        public long TypedRefused;
        public long Logins;

        /// <summary>Destructive requests that ran although bytes around them were damaged (ignored bytes, extra line ends): what ran was still exactly what was sent.</summary>
        public long NoiseAroundRun;

        /// <summary>Typed lines whose noise changed the words of the destructive command that ran (no check value on a person's line).</summary>
        public long TypedNoiseChanged;

        /// <summary>The first broken rule, or null.</summary>
        public string Broken;

        public ConsoleFuzzer(int seed)
        {
            _rig = new ConsoleRig(seed);
            _r = new SeededRandom(seed * 31 + 5);
        }

        public ConsoleRig Rig { get { return _rig; } }

        public void Run(long lines)
        {
            for (long i = 0; i < lines && Broken == null; i++)
            {
                Step();
            }
        }

        void Step()
        {
            Lines++;
            _rig.T += _r.Next(8) == 0 ? 1000000 + _r.Next(2500000) : _r.Next(20000);
            if (_r.Next(40) == 0)
            {
                Login();
                return;
            }
            bool destructive = _r.Next(4) == 0;
            string command = destructive ? s_destructive[_r.Next(s_destructive.Length)] : s_harmless[_r.Next(s_harmless.Length)];
            bool machine = _r.Next(3) != 0;
            int seq = _r.Next(10) == 0 ? _seq : ++_seq; // sometimes a retry of the last seq
            // A destructive frame is tagged as posslot diag does, mostly with this session's key.
            int tagKind = destructive && machine ? _r.Next(6) : 5;
            bool goodTag = tagKind < 4 && _sessionKey != null;
            string text = !machine ? command + "\r"
                : (tagKind < 4 && _sessionKey != null ? ConsoleRig.TaggedFrame(seq, command, _sessionKey)
                : (tagKind == 4 ? ConsoleRig.TaggedFrame(seq, command, _foreignKey) : ConsoleRig.Frame(seq, command)));
            byte[] clean = Encoding.UTF8.GetBytes(text);
            byte[] sent = _r.Next(3) == 0 ? Damage(clean) : clean;
            // Intact: the request's own bytes arrived unchanged as a line of their own (noise before or after is other lines).
            bool intact = HoldsLine(sent, clean, clean.Length - (machine ? 2 : 1));
            if (!intact)
            {
                Damaged++;
            }
            bool authed = _rig.Auth.Authenticated(_rig.T);
            long before = _rig.Console.DestructiveRun;
            long cacheHitsBefore = _rig.Console.RepliesReplayed;
            Deliver(sent);
            long ran = _rig.Console.DestructiveRun - before;
            if (ran > 0)
            {
                // A frame runs exactly as written (same seq and words: the CRC guarantees it), in a session.
                // A typed line has no check value: what runs is what the console read and echoed, in a
                // session; noise that changed its words is counted, not forbidden.
                bool same = SameWords(_rig.Console.LastDestructiveCommand, command);
                bool allowed = authed && ran == 1 && machine && goodTag
                    && destructive && same && _rig.Console.LastDestructiveSeq == seq;
                if (!allowed)
                {
                    Broken = "a destructive command ran from " + (machine ? "frame '" : "line '") + _rig.Console.LastDestructiveCommand
                        + "' (sent: '" + command + "', authenticated before: " + (authed ? "yes" : "no") + "), bytes sent: " + Hex.Of(sent);
                }
                if (!machine && !same)
                {
                    TypedNoiseChanged++;
                }
                if (!intact)
                {
                    NoiseAroundRun++;
                }
                DestructiveIntactAuthed++;
            }
            else if (destructive && intact && _rig.Console.RepliesReplayed == cacheHitsBefore)
            {
                if (!machine)
                {
                    TypedRefused++;
                }
                else if (!authed)
                {
                    DestructiveRefused++;
                }
                else if (!goodTag)
                {
                    TagRefused++;
                }
            }
        }

        /// <summary>Logs in over intact frames, as posslot diag does.</summary>
        void Login()
        {
            Deliver(Encoding.UTF8.GetBytes(ConsoleRig.Frame(++_seq, "auth challenge")));
            string reply = _rig.Port.FirstLine();
            int at = reply.IndexOf("\"nonce\":\"");
            if (at < 0)
            {
                return; // locked out, or a damaged line was in the way
            }
            byte[] nonce = Hex.Parse(reply.Substring(at + 9, AuthGate.NonceBytes * 2));
            byte[] response = DeviceKey.Response(_rig.Key.Key, nonce, ConsoleRig.Serial);
            Deliver(Encoding.UTF8.GetBytes(ConsoleRig.Frame(++_seq, "auth respond " + Hex.Of(response))));
            if (_rig.Auth.Authenticated(_rig.T))
            {
                Logins++;
                _sessionKey = DeviceKey.SessionKey(_rig.Key.Key, nonce, response);
            }
        }

        void Deliver(byte[] data)
        {
            // Arrives in a few reads, as a UART driver hands it over.
            _rig.Port.Clear();
            int at = 0;
            while (at < data.Length)
            {
                int n = 1 + _r.Next(data.Length - at);
                _rig.Console.Receive(data, at, n, _rig.T);
                at += n;
            }
            _rig.Console.Poll(_rig.T);
            HeapProbe.Checkpoint(data);
        }

        byte[] Damage(byte[] clean)
        {
            byte[] b = (byte[])clean.Clone();
            int kind = _r.Next(5);
            if (kind == 0)
            {
                int bit = _r.Next(b.Length * 8);
                b[bit / 8] ^= (byte)(1 << (bit % 8));
                return b;
            }
            int pos = _r.Next(b.Length);
            if (kind == 1)
            {
                return Splice(b, pos, 1, new byte[0]);
            }
            if (kind == 2)
            {
                return Splice(b, pos, 0, new byte[] { b[pos] });
            }
            byte[] burst = new byte[1 + _r.Next(kind == 3 ? 16 : 300)];
            for (int i = 0; i < burst.Length; i++)
            {
                burst[i] = (byte)_r.Next(256);
            }
            return Splice(b, pos, 0, burst);
        }

        static byte[] Splice(byte[] b, int pos, int remove, byte[] insert)
        {
            byte[] o = new byte[b.Length - remove + insert.Length];
            System.Array.Copy(b, 0, o, 0, pos);
            System.Array.Copy(insert, 0, o, pos, insert.Length);
            System.Array.Copy(b, pos + remove, o, pos + insert.Length, b.Length - pos - remove);
            return o;
        }

        static bool SameWords(string a, string b)
        {
            CommandArgs x = new CommandArgs();
            CommandArgs y = new CommandArgs();
            if (a == null || !x.Parse(a) || !y.Parse(b) || x.Count != y.Count)
            {
                return false;
            }
            for (int i = 0; i < x.Count; i++)
            {
                if (x[i] != y[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether a holds b[0..n) between line ends (or at its start, after a line end).</summary>
        static bool HoldsLine(byte[] a, byte[] b, int n)
        {
            for (int at = 0; at + n < a.Length; at++)
            {
                bool startsLine = at == 0 || a[at - 1] == 13 || a[at - 1] == 10;
                bool endsLine = a[at + n] == 13 || a[at + n] == 10;
                if (startsLine && endsLine && Match(a, at, b, n))
                {
                    return true;
                }
            }
            return false;
        }

        static bool Match(byte[] a, int at, byte[] b, int n)
        {
            for (int i = 0; i < n; i++)
            {
                if (a[at + i] != b[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}
