using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Ports;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
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
    int _seq;
    volatile bool _closed;

    /// <summary>Bytes received that were not part of a valid frame (a person's prompt, noise, a wrong baud rate).</summary>
    public long JunkBytes;
    public long BadCrcFrames;
    public long Retries;

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
        byte[] frame = Encoding.UTF8.GetBytes(MachineFrame.Format(seq, tag == null ? command : command + " !" + tag(seq, command)));
        for (int attempt = 1; attempt <= Attempts; attempt++)
        {
            if (attempt > 1)
            {
                Retries++;
            }
            try
            {
                _stream.Write(frame, 0, frame.Length);
                _stream.Flush();
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
            {
                throw new CliFailure(ExitCodes.IoFailure, $"cannot write to the port: {e.Message}");
            }
            var deadline = DateTime.UtcNow + ReplyTimeout;
            while (DateTime.UtcNow < deadline)
            {
                if (!_frames.TryTake(out var reply, deadline - DateTime.UtcNow))
                {
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
            if (_closed)
            {
                break;
            }
        }
        if (JunkBytes > 0)
        {
            throw new CliFailure(ExitCodes.DeviceGarbage, $"no valid reply after {Attempts} tries; the board sent {JunkBytes} bytes that are not console frames (wrong baud rate, or not a PosSlot console?)");
        }
        throw new CliFailure(ExitCodes.IoFailure, $"no reply after {Attempts} tries of {ReplyTimeout.TotalSeconds:0.#} s (is the firmware running, and the console on this port?)");
    }

    void ReadLoop()
    {
        var buf = new byte[1024];
        try
        {
            int n;
            while ((n = _stream.Read(buf, 0, buf.Length)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    Take(buf[i]);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        _closed = true;
    }

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
            JunkBytes += _line.Length;
            _line.Clear();
        }
        _line.Append((char)b);
    }

    void Line(string latin1)
    {
        // Bytes were kept one char each: rebuild the UTF-8 text the CRC was computed over.
        var bytes = new byte[latin1.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)latin1[i];
        }
        int star = latin1.LastIndexOf('*');
        if (latin1.Length < 7 || latin1[0] != '$' || star < 2 || star + 5 != latin1.Length)
        {
            JunkBytes += latin1.Length;
            return;
        }
        int crc = Hex.Parse4(latin1, star + 1);
        if (crc < 0 || crc != Crc16Xmodem.Compute(bytes, 1, star - 1))
        {
            BadCrcFrames++;
            return;
        }
        string frame = Encoding.UTF8.GetString(bytes, 0, star);
        if (Seq(frame) == 0)
        {
            Pushed?.Invoke(Body(frame));
            // An error for a frame whose seq could not be read comes as seq 0 too; requests retry on their own.
            return;
        }
        _frames.Add(frame);
    }

    static int Seq(string frame)
    {
        int space = frame.IndexOf(' ');
        return space > 1 && int.TryParse(frame.AsSpan(1, space - 1), out int seq) ? seq : -1;
    }

    static string Body(string frame) => frame[(frame.IndexOf(' ') + 1)..];

    static string Clip(string s) => s.Length > 120 ? s[..120] + "..." : s;

    public void Dispose()
    {
        _owner.Dispose();
    }
}
