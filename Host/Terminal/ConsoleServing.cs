using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using PosSlot.Emulator.Live;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware.Console;

namespace PosSlot.Host.Terminal;

/// <summary>
/// `posslot emulate --console pty|stdio`: the live emulator with its console on a pseudo-terminal it
/// creates (the path is printed) or on stdin/stdout, served until Ctrl+C, SIGTERM or end of input.
/// </summary>
public static class ConsoleServing
{
    public const string Pty = "pty";
    public const string Stdio = "stdio";

    public static int Run(string mode, Scenario scenario, int seed, int? insertions, string capture, double speed,
        DeviceKey? key, TextWriter output, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        System.Console.CancelKeyPress += onCancel;
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            if (mode == Stdio)
            {
                var stdout = System.Console.OpenStandardOutput();
                // Status goes to stderr: stdout carries the console.
                return Serve(System.Console.OpenStandardInput(), new StreamPort(stdout), scenario, seed, insertions, capture, speed, key, error, stop, endOfInputStops: true);
            }
            using var pty = PseudoTerminal.Open();
            output.WriteLine($"console on {pty.SlavePath} (115200 8N1; e.g. picocom -b 115200 {pty.SlavePath}, or posslot diag --port {pty.SlavePath} status)");
            output.Flush();
            return Serve(pty.Master, new StreamPort(pty.Master), scenario, seed, insertions, capture, speed, key, output, stop, endOfInputStops: false);
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Serves the console on an open pseudo-terminal until `stop` (in-process, for tests: any speed,
    /// and `setup` sees the emulation before it runs).
    /// </summary>
    public static int ServePty(PseudoTerminal pty, Scenario scenario, int seed, int? insertions, double speed, DeviceKey? key,
        TextWriter status, CancellationTokenSource stop, Action<LiveEmulation>? setup)
        => Serve(pty.Master, new StreamPort(pty.Master), scenario, seed, insertions, "ideal", speed, key, status, stop, endOfInputStops: false, setup);

    static int Serve(Stream input, StreamPort port, Scenario scenario, int seed, int? insertions, string capture, double speed,
        DeviceKey? key, TextWriter status, CancellationTokenSource stop, bool endOfInputStops, Action<LiveEmulation>? setup = null)
    {
        var live = new LiveEmulation(scenario, seed, insertions, capture, speed, key, port, new SystemNonces(), "emulator", status);
        setup?.Invoke(live);
        var reader = new Thread(() =>
        {
            var buf = new byte[512];
            try
            {
                int n;
                while ((n = input.Read(buf, 0, buf.Length)) > 0)
                {
                    live.Receive(buf.AsSpan(0, n).ToArray());
                }
            }
            catch (IOException)
            {
                // The master side closed: nothing more will arrive.
            }
            catch (ObjectDisposedException)
            {
            }
            if (endOfInputStops)
            {
                stop.Cancel();
            }
        }) { IsBackground = true, Name = "console input" };
        reader.Start();
        live.Run(stop.Token);
        // The last answers are still queued for the writer thread: let them out before the process ends.
        port.Drain(TimeSpan.FromSeconds(2));
        status.WriteLine("emulator: stopped");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The console's output on a stream (the pty master or stdout), UTF-8. A writer thread does the
    /// blocking writes, so the firmware thread never waits on a reader that is not there: past
    /// MaxQueuedBytes output is dropped, as a UART with nobody listening loses it.
    /// </summary>
    sealed class StreamPort : IConsolePort
    {
        const int MaxQueuedBytes = 64 * 1024;
        readonly Stream _stream;
        readonly System.Collections.Concurrent.BlockingCollection<byte[]> _queue = new();
        long _queued;

        public StreamPort(Stream stream)
        {
            _stream = stream;
            new Thread(Pump) { IsBackground = true, Name = "console output" }.Start();
        }

        public void Write(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (Interlocked.Add(ref _queued, bytes.Length) > MaxQueuedBytes)
            {
                Interlocked.Add(ref _queued, -bytes.Length);
                return;
            }
            _queue.Add(bytes);
        }

        /// <summary>Waits (at most `limit`) until everything written so far has gone out.</summary>
        public void Drain(TimeSpan limit)
        {
            var until = DateTime.UtcNow + limit;
            while (Interlocked.Read(ref _queued) > 0 && DateTime.UtcNow < until)
            {
                Thread.Sleep(5);
            }
        }

        void Pump()
        {
            foreach (var bytes in _queue.GetConsumingEnumerable())
            {
                try
                {
                    _stream.Write(bytes, 0, bytes.Length);
                    _stream.Flush();
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // The other side is gone: output is lost, the firmware runs on.
                }
                Interlocked.Add(ref _queued, -bytes.Length);
            }
        }
    }

    /// <summary>Challenge nonces from the OS's cryptographic generator (the board uses its hardware RNG).</summary>
    sealed class SystemNonces : INonceSource
    {
        public void Fill(byte[] nonce) => RandomNumberGenerator.Fill(nonce);
    }
}
