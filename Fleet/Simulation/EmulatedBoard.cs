using System;
using System.Linq;
using System.Text;
using PosSlot.DiagClient;
using PosSlot.Emulator.Physics;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware.Console;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Fleet.Agent;

namespace PosSlot.Fleet.Simulation;

/// <summary>
/// One emulated reader in this process: the emulator's slot physics and powered board (the real
/// firmware core, its store on a simulated flash, its health analysis) with the firmware's real
/// console attached, answering machine frames in memory. Time is simulated: RunUntil feeds the
/// customers who came before that instant. It keeps the truth: when the physics says the slot first
/// failed (fails at least 30 % of payments: SlotPhysics), and when the firmware first said Failed.
/// </summary>
public sealed class EmulatedBoard : IBoardConsole
{
    const long Second = 1_000_000;

    readonly Scenario _scenario;
    readonly SlotPhysics _physics;
    readonly PoweredBoard _board;
    readonly DiagConsole _console;
    readonly CapturedPort _port = new();
    readonly StimulusBuffer _buffer = new();
    readonly DateTimeOffset _installed;
    long _n;
    long _nextStartUs = Second;
    int _seq = 1;

    public string Serial { get; }
    public string ScenarioName => _scenario.Name;

    /// <summary>False makes the console silent, as if the reader was unplugged (the agent must report board_lost).</summary>
    public bool Answering { get; set; } = true;

    /// <summary>The physics' truth: the first customer the slot failed for its own reasons (null: never so far).</summary>
    public DateTimeOffset? TruthFailedAt { get; private set; }

    /// <summary>When the firmware's health first reached Failed.</summary>
    public DateTimeOffset? FirmwareFailedAt { get; private set; }

    public long Insertions => _n;
    public PosSlot.Firmware.SlotFirmware Firmware => _board.Fw;

    /// <summary>A board installed (new firmware, new store) at `installed`, running `scenario` with this seed.</summary>
    public EmulatedBoard(Scenario scenario, int seed, string serial, DateTimeOffset installed)
    {
        _scenario = scenario;
        _installed = installed;
        Serial = serial;
        _physics = new SlotPhysics(scenario, seed);
        _board = new PoweredBoard(new HealthSettings { RatedCycles = scenario.RatedCycles }, NoSink.Instance, PosSlot.Emulator.Capture.CaptureMode.Ideal, seed);
        var id = new DeviceIdentity { Board = "emulated", FirmwareVersion = typeof(DiagConsole).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", Serial = serial };
        _console = new DiagConsole(_board.Fw, id, new AuthGate(null!, new NoNonces(), _board.Flash), _port, null!, _board.Flash, Second);
    }

    /// <summary>The board's clock (µs since it was installed, from 1 s) at a moment.</summary>
    public long BoardUs(DateTimeOffset t) => Second + (long)((t - _installed).Ticks / 10);

    public DateTimeOffset At(long boardUs) => _installed + TimeSpan.FromTicks((boardUs - Second) * 10);

    /// <summary>Runs every customer who arrives before `t`, then brings the firmware's clock to `t`.</summary>
    public void RunUntil(DateTimeOffset t)
    {
        long until = BoardUs(t);
        var fw = _board.Fw;
        while (_nextStartUs < until)
        {
            _n++;
            var truth = _physics.Insert(_n, _nextStartUs, _buffer);
            if (TruthFailedAt == null && truth.SlotFailed)
            {
                TruthFailedAt = At(truth.StartUs);
            }
            long next = truth.EndUs + _physics.GapAfter(truth);
            _board.Mixer.Feed(_buffer);
            _board.Capture.Flush();
            fw.Core.Advance(Math.Min(next - 1, truth.EndUs + 100_000));
            if (_scenario.Cleanings.Contains((int)_n))
            {
                _physics.Clean();
                fw.SlotCleaned(Math.Min(next - 1, truth.EndUs + Second));
            }
            if (FirmwareFailedAt == null && fw.Health.State == HealthState.Failed)
            {
                FirmwareFailedAt = At(fw.Core.NowUs);
            }
            _nextStartUs = next;
        }
        if (until > fw.Core.NowUs)
        {
            fw.Core.Advance(until);
        }
    }

    /// <summary>A machine frame through the firmware's console, answered in memory.</summary>
    public DiagReply Request(string command)
    {
        if (!Answering)
        {
            throw CliFailure.Io("no reply after 3 tries of 2 s (is the firmware running, and the console on this port?)");
        }
        int seq = _seq;
        _seq = _seq >= MachineFrame.MaxSeq ? 1 : _seq + 1;
        _port.Clear();
        byte[] frame = Encoding.UTF8.GetBytes(MachineFrame.Format(seq, command));
        _console.Receive(frame, 0, frame.Length, Math.Max(_board.Fw.Core.NowUs, Second));
        string prefix = "$" + seq + " ";
        foreach (var line in _port.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            int at = line.IndexOf(prefix, StringComparison.Ordinal);
            int star = line.LastIndexOf('*');
            if (at >= 0 && star > at)
            {
                return DiagReply.Parse(line[(at + prefix.Length)..star]);
            }
        }
        throw new CliFailure(ExitCodes.DeviceGarbage, $"the emulated console did not answer seq {seq}: {_port.Text}");
    }

    sealed class CapturedPort : IConsolePort
    {
        readonly StringBuilder _sb = new();

        public string Text => _sb.ToString();

        public void Clear() => _sb.Clear();

        public void Write(string text) => _sb.Append(text);
    }

    sealed class NoSink : ISlotEventSink
    {
        public static readonly NoSink Instance = new();

        public void OnSlotEvent(SlotEvent e)
        {
        }
    }

    /// <summary>The agent never authenticates to an emulated board; a challenge still needs bytes.</summary>
    sealed class NoNonces : INonceSource
    {
        public void Fill(byte[] nonce) => System.Security.Cryptography.RandomNumberGenerator.Fill(nonce);
    }
}
