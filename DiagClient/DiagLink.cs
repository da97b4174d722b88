using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Ports;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Firmware.Console;

namespace PosSlot.DiagClient;

/// <summary>
/// The host side of the console's machine mode over a serial port (System.IO.Ports): frames out,
/// its own read loop over BaseStream in, CRC checked both ways. A request whose reply is lost is
/// sent again with the same seq (the board answers from its reply cache, never running it twice).
/// DTR and RTS are left alone: ESP32 boards wire them to reset and boot mode. Seq numbers start at
/// a random point so a new session never collides with the board's cache of an earlier one.
/// </summary>
public sealed class DiagLink : IDisposable
{
    public const int DefaultBaud = 115200;

    readonly Stream _stream;
    readonly IDisposable _owner;
    readonly Thread _reader;
    readonly BlockingCollection<string> _frames = new();
    readonly StringBuilder _line = new();
    readonly object _lineGate = new();
    int _seq;
    volatile bool _closed;
    volatile string _sent = "";
    string _closedBecause = "";
    long _junkBytes;
    long _lastFrameTicks;
    long _lastByteTicks;

    /// <summary>Non-frame bytes past this many mean the port is not a console in machine mode (exit 5); fewer are line noise.</summary>
    public const int JunkThreshold = 16;

    public long BadCrcFrames;
    public long Retries;

    /// <summary>Valid frames received (replies and pushed events).</summary>
    public long Frames;

    /// <summary>The board printed its console greeting or prompt (it booted, whether or not it answers).</summary>
    public volatile bool BannerSeen;

    /// <summary>The port closed under us (the board's cable or the emulator went away).</summary>
    public bool Closed => _closed;

    /// <summary>When the last valid frame arrived (DateTime.MinValue: none yet).</summary>
    public DateTime LastFrameUtc => new(Interlocked.Read(ref _lastFrameTicks), DateTimeKind.Utc);

    /// <summary>When the last byte of any kind arrived (DateTime.MinValue: none yet).</summary>
    public DateTime LastByteUtc => new(Interlocked.Read(ref _lastByteTicks), DateTimeKind.Utc);

    /// <summary>Seq-0 frames (events the board pushes), as their JSON bodies.</summary>
    public event Action<string>? Pushed;

    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(2);
    public int Attempts { get; set; } = 3;

    DiagLink(Stream stream, IDisposable owner)
    {
        _stream = stream;
        _owner = owner;
        _seq = RandomNumberGenerator.GetInt32(1, 900_000_000);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "diag read" };
        _reader.Start();
    }

    /// <summary>Opens a serial port (any path: /dev/ttyUSB0, a pty, COM3) without touching DTR/RTS.</summary>
    public static DiagLink Open(string port, int baud)
    {
        if (!OperatingSystem.IsWindows() && !File.Exists(port))
        {
            throw new CliFailure(ExitCodes.IoFailure, $"{port}: no such port (is the board plugged in? ls /dev/ttyUSB* /dev/ttyACM*)");
        }
        var sp = new SerialPort(port, baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            DtrEnable = false,
            RtsEnable = false,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 2000,
        };
        try
        {
            sp.Open();
        }
        catch (Exception e) when ((e is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException) && SerialPath.NotASerialPort(port) is { } notAPort)
        {
            throw notAPort;
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.IoFailure, $"{port}: busy or not allowed (another program has it open, or you need the dialout group)");
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            throw new CliFailure(ExitCodes.IoFailure, $"{port}: cannot open as a serial port: {e.Message}");
        }
        return new DiagLink(sp.BaseStream, sp);
    }

    /// <summary>Over any stream (tests, stdio).</summary>
    public static DiagLink Over(Stream stream) => new(stream, stream);

    /// <summary>
    /// Sends one command and waits for its reply, retrying a lost one with the same seq. `tag`, when
    /// given, makes the tag for the frame's seq and command (a destructive command: docs/console.md).
    /// </summary>
    public DiagReply Request(string command, Func<int, string, string>? tag = null)
    {
        int seq = _seq;
        _seq = _seq >= MachineFrame.MaxSeq ? 1 : _seq + 1;
        string text = MachineFrame.Format(seq, tag == null ? command : command + " !" + tag(seq, command));
        _sent = text.TrimEnd();
        byte[] frame = Encoding.UTF8.GetBytes(text);
        for (int attempt = 1; attempt <= Attempts; attempt++)
        {
            ThrowIfClosed();
            if (attempt > 1)
            {
                Retries++;
            }
            try
            {
                _stream.Write(frame, 0, frame.Length);
                if (_owner is not SerialPort)
                {
                    // A serial port's Write returns once the bytes are written (or throws after WriteTimeout);
                    // its Flush waits without bound on a port whose other side vanished.
                    _stream.Flush();
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or ObjectDisposedException)
            {
                ThrowIfClosed();
                throw new CliFailure(ExitCodes.IoFailure, $"cannot write to the port: {e.Message}");
            }
            var deadline = DateTime.UtcNow + ReplyTimeout;
            while (DateTime.UtcNow < deadline)
            {
                if (!_frames.TryTake(out var reply, deadline - DateTime.UtcNow))
                {
                    ThrowIfClosed(); // taking ends at once when the port closes: say so now, not after the retries
                    break;
                }
                if (Seq(reply) != seq)
                {
                    continue; // an older reply (a retry answered late) or an error for a damaged frame
                }
                var body = Body(reply);
                DiagReply parsed;
                try
                {
                    parsed = DiagReply.Parse(body);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException)
                {
                    throw new CliFailure(ExitCodes.DeviceGarbage, $"the board answered seq {seq} with a body that is not the documented JSON: {Clip(body)}");
                }
                if (!parsed.Ok && parsed.ErrorCode == PosSlot.Firmware.Console.ErrorCode.BadCrc)
                {
                    break; // our frame arrived damaged: send it again
                }
                return parsed;
            }
        }
        throw NoReply();
    }

    /// <summary>
    /// Why no reply came, judged by what arrived: bytes that are not frames (past a little line noise)
    /// mean the wrong baud rate or not a PosSlot console (exit 5); nothing, or only the board's
    /// greeting and prompt, mean it is not answering (exit 3).
    /// </summary>
    CliFailure NoReply()
    {
        long junk = UnframedBytes();
        string tries = $"no reply after {Attempts} tries of {ReplyTimeout.TotalSeconds:0.###} s";
        if (junk > JunkThreshold && Frames == 0)
        {
            return new CliFailure(ExitCodes.DeviceGarbage, $"{tries}; the port sent {junk} bytes that are not console frames (wrong baud rate, or not a PosSlot console?)");
        }
        if (BannerSeen)
        {
            return new CliFailure(ExitCodes.IoFailure, $"{tries}: the board printed its console banner, then did not answer (is it frozen after boot? reset it)");
        }
        if (junk > JunkThreshold)
        {
            return new CliFailure(ExitCodes.IoFailure, $"{tries}; the board answered earlier but now sends only bytes that are not frames ({junk})");
        }
        return new CliFailure(ExitCodes.IoFailure, $"{tries} (is the firmware running, and the console on this port?)");
    }

    void ThrowIfClosed()
    {
        if (_closed)
        {
            string why = _closedBecause.Contains("closed", StringComparison.OrdinalIgnoreCase) ? "" : $" ({_closedBecause.TrimEnd('.')})";
            throw new CliFailure(ExitCodes.IoFailure, $"the port closed{why}: the board was unplugged, reset or its emulator stopped");
        }
    }

    void ReadLoop()
    {
        var buf = new byte[1024];
        string why = "end of input";
        try
        {
            int n;
            while ((n = _stream.Read(buf, 0, buf.Length)) > 0)
            {
                Interlocked.Exchange(ref _lastByteTicks, DateTime.UtcNow.Ticks);
                lock (_lineGate)
                {
                    for (int i = 0; i < n; i++)
                    {
                        Take(buf[i]);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            why = e.Message;
        }
        _closedBecause = why;
        _closed = true;
        _frames.CompleteAdding();
    }

    /// <summary>Bytes received that were not part of a valid frame (noise, a person's echo, a wrong baud rate), counting the line in progress; the board's greeting and prompt are not counted.</summary>
    public long UnframedBytes()
    {
        lock (_lineGate)
        {
            long pending = 0;
            if (_line.Length > 0 && _line[0] != '$')
            {
                if (IsGreetingStart(_line.ToString()))
                {
                    BannerSeen = true;
                }
                else
                {
                    pending = _line.Length;
                }
            }
            return _junkBytes + pending;
        }
    }

    /// <summary>The board's greeting line (printed at boot and to people), or nothing but its prompts.</summary>
    static bool IsGreetingLine(string withoutPrompts) => withoutPrompts.Length == 0 || withoutPrompts.StartsWith(Greeting, StringComparison.Ordinal);

    /// <summary>A line in progress that may still become the greeting or the prompt.</summary>
    static bool IsGreetingStart(string text)
    {
        string t = StripPrompts(text);
        return t.Length == 0 || Greeting.StartsWith(t, StringComparison.Ordinal) || Prompt.StartsWith(t, StringComparison.Ordinal) || t.StartsWith(Greeting, StringComparison.Ordinal);
    }

    const string Greeting = "PosSlot diagnostics console";
    const string Prompt = DiagConsole.Prompt;

    void Take(byte b)
    {
        if (b == (byte)'\n' || b == (byte)'\r')
        {
            if (_line.Length > 0)
            {
                Line(_line.ToString());
                _line.Clear();
            }
            return;
        }
        if (_line.Length > 64 * 1024)
        {
            _junkBytes += _line.Length;
            _line.Clear();
        }
        _line.Append((char)b);
    }

    void Line(string latin1)
    {
        // A frame may follow other bytes on its line (the prompt, a person's echo): try from each '$'.
        int start = latin1.IndexOf('$');
        while (start >= 0 && !TryFrame(latin1, start))
        {
            start = latin1.IndexOf('$', start + 1);
        }
        if (start < 0 && LooksLikeFrame(latin1) && !IsEcho(latin1, 0))
        {
            BadCrcFrames++; // a frame damaged on the way: the request retries it
            return;
        }
        string before = start < 0 ? latin1 : latin1[..start];
        if (before.Length == 0)
        {
            return;
        }
        if (IsGreetingLine(StripPrompts(before)))
        {
            BannerSeen = true;
            return;
        }
        _junkBytes += before.Length;
    }

    bool IsEcho(string latin1, int start)
    {
        string sent = _sent;
        return latin1.Length - start == sent.Length && string.CompareOrdinal(latin1, start, sent, 0, sent.Length) == 0;
    }

    static bool LooksLikeFrame(string line) => line.Length >= 7 && line[0] == '$' && line.LastIndexOf('*') == line.Length - 5;

    static string StripPrompts(string text)
    {
        int at;
        while ((at = text.IndexOf(Prompt.TrimEnd(), StringComparison.Ordinal)) >= 0)
        {
            text = text.Remove(at, Prompt.TrimEnd().Length);
        }
        return text.Trim();
    }

    /// <summary>Reads latin1[start..] as a frame; true (and delivered) when its CRC holds.</summary>
    bool TryFrame(string latin1, int start)
    {
        int length = latin1.Length - start;
        int star = latin1.LastIndexOf('*');
        if (length < 7 || star < start + 2 || star + 5 != latin1.Length)
        {
            return false;
        }
        // Bytes were kept one char each: rebuild the UTF-8 text the CRC was computed over.
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)latin1[start + i];
        }
        int crc = Hex.Parse4(latin1, star + 1);
        if (crc < 0 || crc != Crc16Xmodem.Compute(bytes, 1, star - start - 1))
        {
            return false;
        }
        if (IsEcho(latin1, start))
        {
            return false; // our own request coming back: the port echoes, it is not a board's reply
        }
        Frames++;
        Interlocked.Exchange(ref _lastFrameTicks, DateTime.UtcNow.Ticks);
        string frame = Encoding.UTF8.GetString(bytes, 0, star - start);
        if (Seq(frame) == 0)
        {
            Pushed?.Invoke(Body(frame));
            // An error for a frame whose seq could not be read comes as seq 0 too; requests retry on their own.
            return true;
        }
        _frames.Add(frame);
        return true;
    }

    static int Seq(string frame)
    {
        int space = frame.IndexOf(' ');
        return space > 1 && int.TryParse(frame.AsSpan(1, space - 1), out int seq) ? seq : -1;
    }

    static string Body(string frame) => frame[(frame.IndexOf(' ') + 1)..];

    static string Clip(string s) => s.Length > 120 ? s[..120] + "..." : s;

    /// <summary>
    /// Closes the port, waiting at most a second: a serial port whose other side vanished with a
    /// write queued never finishes flushing it, and the tool must still exit.
    /// </summary>
    public void Dispose()
    {
        var closing = Task.Run(_owner.Dispose);
        closing.Wait(TimeSpan.FromSeconds(1));
    }
}
