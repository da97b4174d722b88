using System.Text;
using PosSlot.Firmware.Console;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// A firmware with its console on an in-memory port, a simulated drive, seeded nonces and a
    /// simulated clock. Type sends a person's line, Send a machine frame; Output is what went back.
    /// </summary>
    public sealed class ConsoleRig
    {
        public const string Serial = "PS-TEST-0001";

        public readonly Rig Slot;
        public readonly SimulatedFlash Flash;
        public readonly CapturedPort Port = new CapturedPort();
        public readonly DeviceKey Key;
        public readonly SeededNonces Nonces;
        public DiagConsole Console;
        public AuthGate Auth;

        public ConsoleRig(int seed)
            : this(seed, SimulatedFlash.Board())
        {
        }

        public ConsoleRig(int seed, SimulatedFlash flash)
        {
            Slot = new Rig(seed);
            Flash = flash;
            Key = new DeviceKey();
            Key.Serial = Serial;
            Key.Key = new byte[DeviceKey.KeyBytes];
            SeededRandom r = new SeededRandom(seed + 1000);
            for (int i = 0; i < Key.Key.Length; i++)
            {
                Key.Key[i] = (byte)r.Next(256);
            }
            Nonces = new SeededNonces(seed);
            HeapProbe.Root(this);
            Boot();
        }

        public long T { get { return Slot.T; } set { Slot.T = value; } }

        /// <summary>Starts a console on a board that was never given a key file.</summary>
        public void BootWithoutKey()
        {
            Boot(null);
        }

        /// <summary>Starts a console (again): the board rebooted, the drive is kept.</summary>
        public void Boot()
        {
            Boot(Key);
        }

        void Boot(DeviceKey key)
        {
            DeviceIdentity id = new DeviceIdentity();
            id.Board = "test-board";
            id.FirmwareVersion = "1.0.0";
            id.Serial = Serial;
            Auth = new AuthGate(key, Nonces, Flash);
            Console = new DiagConsole(Slot.Fw, id, Auth, Port, new FixedProbe(), Flash, T);
            HeapProbe.Checkpoint(null);
        }

        /// <summary>Bytes arrive at the current time.</summary>
        public void Bytes(byte[] data)
        {
            Console.Receive(data, 0, data.Length, T);
            HeapProbe.Checkpoint(data);
        }

        public void Raw(string text)
        {
            Bytes(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>A person types a line and presses Enter; returns what came back.</summary>
        public string Type(string line)
        {
            Port.Clear();
            Raw(line + "\r");
            return Port.Text;
        }

        /// <summary>A machine request; returns the reply frame (without its line end).</summary>
        public string Send(int seq, string command)
        {
            Port.Clear();
            Raw(Frame(seq, command));
            return Port.FirstLine();
        }

        /// <summary>A destructive request as posslot diag sends it: tagged with the session key (the last Login's).</summary>
        public string Act(int seq, string command)
        {
            Port.Clear();
            Raw(TaggedFrame(seq, command, SessionKey));
            return Port.FirstLine();
        }

        /// <summary>`$seq command !TAG*CRC`: the tag over "seq command" with `sessionKey`, the CRC over everything between `$` and `*`.</summary>
        public static string TaggedFrame(int seq, string command, byte[] sessionKey)
        {
            byte[] signed = Encoding.UTF8.GetBytes(seq.ToString() + " " + command);
            string inner = seq.ToString() + " " + command + " !" + Hex.Of(DeviceKey.Tag(sessionKey, signed, 0, signed.Length));
            return "$" + inner + "*" + Hex.Of(Crc16Xmodem.Compute(inner), 4) + "\r\n";
        }

        /// <summary>The session key of the last Login (null before).</summary>
        public byte[] SessionKey;

        public static string Frame(int seq, string command)
        {
            string inner = seq.ToString() + " " + command;
            return "$" + inner + "*" + Hex.Of(Crc16Xmodem.Compute(inner), 4) + "\r\n";
        }

        /// <summary>Opens a session the way the host tool does, in machine mode.</summary>
        public void Login(int seq)
        {
            string challenge = Send(seq, "auth challenge");
            string nonce = Field(challenge, "nonce");
            byte[] response = DeviceKey.Response(Key.Key, Hex.Parse(nonce), Serial);
            string reply = Send(seq + 1, "auth respond " + Hex.Of(response));
            Assert.IsTrue(reply.IndexOf("\"session\":true") > 0, reply);
            SessionKey = DeviceKey.SessionKey(Key.Key, Hex.Parse(nonce), response);
        }

        /// <summary>The string value of "name" in a JSON reply (test-side reading, enough for flat fields).</summary>
        public static string Field(string json, string name)
        {
            string key = "\"" + name + "\":";
            int at = json.IndexOf(key);
            Assert.IsTrue(at >= 0, "no " + name + " in " + json);
            int start = at + key.Length;
            if (json[start] == '"')
            {
                int end = json.IndexOf('"', start + 1);
                return json.Substring(start + 1, end - start - 1);
            }
            int stop = start;
            while (stop < json.Length && json[stop] != ',' && json[stop] != '}' && json[stop] != ']')
            {
                stop++;
            }
            return json.Substring(start, stop - start);
        }

        /// <summary>Whether a reply frame's CRC matches its text.</summary>
        public static bool FrameIntact(string frame)
        {
            int star = frame.LastIndexOf('*');
            if (frame.Length < 6 || frame[0] != '$' || star < 0 || star + 5 != frame.Length)
            {
                return false;
            }
            return Hex.Parse4(frame, star + 1) == Crc16Xmodem.Compute(frame.Substring(1, star - 1));
        }

        /// <summary>The seq of a frame, or -1.</summary>
        public static int SeqOf(string frame)
        {
            int space = frame.IndexOf(' ');
            int seq;
            return space > 1 && int.TryParse(frame.Substring(1, space - 1), out seq) ? seq : -1;
        }
    }

    /// <summary>The console's output, kept as text.</summary>
    public sealed class CapturedPort : IConsolePort
    {
        readonly StringBuilder _sb = new StringBuilder();
        public long Chars;

        public void Write(string text)
        {
            _sb.Append(text);
            Chars += text.Length;
        }

        public string Text { get { return _sb.ToString(); } }

        public void Clear()
        {
            _sb.Clear();
        }

        /// <summary>The first line written since Clear, without its line end.</summary>
        public string FirstLine()
        {
            string t = _sb.ToString();
            int end = t.IndexOf('\r');
            return end < 0 ? t : t.Substring(0, end);
        }
    }

    /// <summary>Nonces from a seeded generator (tests only: the board's come from hardware).</summary>
    public sealed class SeededNonces : INonceSource
    {
        readonly SeededRandom _r;

        public SeededNonces(int seed)
        {
            _r = new SeededRandom(seed * 7 + 1);
        }

        public void Fill(byte[] nonce)
        {
            for (int i = 0; i < nonce.Length; i++)
            {
                nonce[i] = (byte)_r.Next(256);
            }
        }
    }

    /// <summary>A board probe with idle lines and a working capture path.</summary>
    public sealed class FixedProbe : IBoardProbe
    {
        public int RawLevel(int line) { return 0; }

        public string CapturePath { get { return "emulated"; } }

        public bool CaptureHealthy(out string detail)
        {
            detail = "test probe";
            return true;
        }
    }
}
