using System;
using PosSlot.Emulator.Capture;
using PosSlot.Firmware;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Emulator.Running;

/// <summary>
/// The reader board as the emulator powers it: the firmware boots from a simulated flash drive
/// (provisioned new), and after a power cut boots again from whatever the drive then holds. Keeps
/// the tallies a power-cut run reports: cuts, cuts that hit an insertion in flight, insertions the
/// firmware lost, and health or fallback regressions across a reboot.
/// </summary>
public sealed class PoweredBoard
{
    readonly HealthSettings _health;
    readonly ISlotEventSink _observer;
    readonly string _capture;
    readonly int _seed;

    public PoweredBoard(HealthSettings health, ISlotEventSink observer, string capture, int seed)
    {
        _health = health;
        _observer = observer;
        _capture = capture;
        _seed = seed;
        Flash = SimulatedFlash.Board();
        Flash.Provision();
        PowerOn();
    }

    public SimulatedFlash Flash { get; }
    public SlotFirmware Fw { get; private set; } = null!;
    public LineMixer Mixer { get; private set; } = null!;

    /// <summary>The board's capture layer between the pins and the core (CaptureMode).</summary>
    public ICaptureModel Capture { get; private set; } = null!;
    public long Edges => _edgesBefore + Mixer.Edges;

    public int PowerCuts { get; private set; }
    public int CutsInFlight { get; private set; }
    public long InsertionsLost { get; private set; }
    public int HealthRegressions { get; private set; }
    public int FallbackReleasedByReboot { get; private set; }

    long _edgesBefore;

    void PowerOn()
    {
        Flash.PowerRestored();
        Fw = new SlotFirmware(new SlotConfig(), _health, new UnwiredFallbackLine(), SlotFirmware.DefaultLogCapacity);
        Fw.Core.AddSink(_observer);
        Fw.AttachStore(Flash, new StoreSettings(), 0);
        Capture = CaptureMode.Create(_capture, new CoreTarget(Fw.Core), _seed + PowerCuts);
        Mixer = new LineMixer(Capture);
    }

    /// <summary>
    /// Runs `work`; if the armed cut strikes in it (or `cutAfter` says the power goes at its end),
    /// boots again and tallies what the reboot cost against `truthInsertions` (sensed cards begun so far).
    /// </summary>
    public void Run(Action work, long truthInsertions, bool cardInFlight)
    {
        bool cut = false;
        try
        {
            work();
        }
        catch (PowerCutException)
        {
            cut = true;
        }
        if (cut)
        {
            Reboot(truthInsertions, cardInFlight || StoreFiles.IsJournal(Flash.LastCutFile));
        }
    }

    /// <summary>The power goes now (between writes) and comes back.</summary>
    public void Cut(long truthInsertions, bool cardInFlight) => Reboot(truthInsertions, cardInFlight);

    void Reboot(long truthInsertions, bool inFlight)
    {
        int state = Fw.Health.State;
        bool engaged = Fw.Fallback.Engaged;
        _edgesBefore += Mixer.Edges;
        PowerCuts++;
        if (inFlight)
        {
            CutsInFlight++;
        }
        PowerOn();
        InsertionsLost = Math.Max(InsertionsLost, truthInsertions - Fw.Counters.BoardInsertions);
        if (Fw.Health.State < state)
        {
            HealthRegressions++;
        }
        if (engaged && !Fw.Fallback.Engaged)
        {
            FallbackReleasedByReboot++;
        }
    }
}
