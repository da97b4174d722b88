using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading;
using PosSlot.Emulator.Physics;
using PosSlot.Emulator.Reporting;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware.Console;
using PosSlot.Firmware.Health;

namespace PosSlot.Emulator.Live;

/// <summary>
/// The emulator paced to the wall clock (times `speed`) with the firmware's real diagnostics console
/// attached, so a technician's terminal or `posslot diag` can talk to it while the slot wears. One
/// thread owns the firmware and the console (as on the board); serial input arrives through a
/// queue. After the scenario's insertions it keeps serving until stopped.
/// </summary>
public sealed class LiveEmulation
{
    const long Second = 1_000_000;
    const int PollMs = 10;

    readonly int _total;
    readonly double _speed;
    readonly TextWriter _status;
    readonly ConcurrentQueue<byte[]> _input = new();
    readonly Stopwatch _wall = new();
    readonly PoweredBoard _board;
    readonly SlotPhysics _physics;
    long _simStartUs;

    public DiagConsole Console { get; }

    /// <summary>The emulated board's firmware (tests add a sink before Run to see every event).</summary>
    public PosSlot.Firmware.SlotFirmware Firmware => _board.Fw;

    public LiveEmulation(Scenario scenario, int seed, int? insertions, string capture, double speed,
        DeviceKey? key, IConsolePort port, INonceSource nonces, string board, TextWriter status)
    {
        _total = insertions ?? scenario.Insertions;
        _speed = speed;
        _status = status;
        _physics = new SlotPhysics(scenario, seed);
        var health = new HealthSettings { RatedCycles = scenario.RatedCycles };
        _board = new PoweredBoard(health, new FirmwareObserver(new LifeCurve(LifeCurve.BinSizeFor(_total))), capture, seed);
        var id = new DeviceIdentity { Board = board, FirmwareVersion = typeof(DiagConsole).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", Serial = key?.Serial ?? "emulator" };
        Console = new DiagConsole(_board.Fw, id, new AuthGate(key, nonces, _board.Flash), port, new EmulatedProbe(), _board.Flash, Second)
        {
            // The slot runs `speed` times faster; a person's timers (nonce, session, line timeout) must not.
            SeparateSlotClock = true,
        };
    }

    /// <summary>The console's clock: wall-clock time since start (from 1 s, where the console was made).</summary>
    long ConsoleNow => Second + (long)(_wall.Elapsed.TotalMilliseconds * 1000);

    /// <summary>Serial bytes from the client (any thread).</summary>
    public void Receive(byte[] data) => _input.Enqueue(data);

    /// <summary>The firmware clock now: simulated time paced to the wall.</summary>
    long SimNow => _simStartUs + (long)(_wall.Elapsed.TotalMilliseconds * 1000 * _speed);

    /// <summary>Runs the scenario, then serves until `stop` is cancelled. Returns the insertions run.</summary>
    public long Run(CancellationToken stop)
    {
        _simStartUs = Second;
        _wall.Start();
        Console.Start();
        var buffer = new StimulusBuffer();
        long t = Second;
        long n = 0;
        long report = Math.Max(1, _total / 10);
        for (n = 1; n <= _total && !stop.IsCancellationRequested; n++)
        {
            var truth = _physics.Insert(n, t, buffer);
            long next = truth.EndUs + _physics.GapAfter(truth);
            if (!WaitUntil(t, stop))
            {
                break;
            }
            // The card's edges go in as it starts: the core's clock stays ahead of the console's, never behind.
            _board.Mixer.Feed(buffer);
            _board.Capture.Flush();
            _board.Fw.Core.Advance(Math.Min(next - 1, truth.EndUs + 100_000));
            Console.Poll(ConsoleNow);
            if (n % report == 0)
            {
                _status.WriteLine($"emulator: insertion {n:N0} of {_total:N0}, health {HealthState.Name(_board.Fw.Health.State)}, fallback {(_board.Fw.Fallback.Engaged ? "engaged" : "off")}");
            }
            t = next;
        }
        long done = Math.Min(n - 1, _total);
        if (!stop.IsCancellationRequested)
        {
            _status.WriteLine($"emulator: scenario done after {done:N0} insertions: health {HealthSummary.Of(_board.Fw).Health}, fallback {(_board.Fw.Fallback.Engaged ? "engaged" : "off")}; serving the console until interrupted");
        }
        while (!stop.IsCancellationRequested)
        {
            WaitUntil(SimNow + 100_000, stop);
            _board.Fw.Core.Advance(Math.Max(SimNow, _board.Fw.Core.NowUs));
        }
        // What arrived just before the stop (a piped "status" then end of input) is still answered.
        while (_input.TryDequeue(out var last))
        {
            Console.Receive(last, 0, last.Length, ConsoleNow);
        }
        Console.Poll(ConsoleNow);
        if (done < _total)
        {
            _status.WriteLine($"emulator: the scenario stopped at insertion {done:N0} of {_total:N0}");
        }
        return done;
    }

    /// <summary>Serves the console until the firmware clock reaches simUs; false when stopped first.</summary>
    bool WaitUntil(long simUs, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            while (_input.TryDequeue(out var bytes))
            {
                Console.Receive(bytes, 0, bytes.Length, ConsoleNow);
            }
            Console.Poll(ConsoleNow);
            if (SimNow >= simUs)
            {
                return true;
            }
            double waitMs = (simUs - SimNow) / 1000.0 / _speed;
            stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Clamp(waitMs, 0.1, PollMs)));
        }
        return false;
    }

    /// <summary>The emulator's answer to `selftest`: the lines read from the simulated pins.</summary>
    sealed class EmulatedProbe : IBoardProbe
    {
        public int RawLevel(int line) => -1;

        public string CapturePath => "emulated";

        public bool CaptureHealthy(out string detail)
        {
            detail = "simulated slot, edges fed in time order";
            return true;
        }
    }
}
