using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>A board with a drive: the firmware boots from the simulated flash, and boots again after a cut.</summary>
    public sealed class StoredBoard
    {
        public readonly SimulatedFlash Flash;
        public readonly StoreSettings Settings;
        public SlotFirmware Fw;
        public EventRecorder Events;
        public FallbackLine Fallback;
        public BootReport Boot;

        public StoredBoard(SimulatedFlash flash, StoreSettings settings)
        {
            Flash = flash;
            Settings = settings;
            HeapProbe.Root(this);
            Start();
        }

        /// <summary>A new, provisioned board with the default store settings.</summary>
        public static StoredBoard New()
        {
            SimulatedFlash flash = SimulatedFlash.Board();
            flash.Provision();
            return new StoredBoard(flash, new StoreSettings());
        }

        /// <summary>Boots a fresh firmware from what the drive holds (RAM is gone).</summary>
        public void PowerOn()
        {
            Flash.PowerRestored();
            Start();
        }

        void Start()
        {
            Fallback = new FallbackLine();
            Fw = new SlotFirmware(new SlotConfig(), new HealthSettings(), Fallback, SlotFirmware.DefaultLogCapacity);
            Events = EventRecorder.Streaming();
            Fw.Core.AddSink(Events);
            Boot = Fw.AttachStore(Flash, Settings, 0);
            HeapProbe.Checkpoint(null);
        }

        /// <summary>Runs insertions from..to of a script; false if a power cut struck (the firmware is then dead).</summary>
        public bool Run(LifeScript script, int from, int to)
        {
            for (int n = from; n <= to; n++)
            {
                try
                {
                    script.Step(Fw, n);
                    HeapProbe.Checkpoint(null);
                }
                catch (PowerCutException)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The analyser's whole state as bytes: two firmwares with equal bytes judge the slot alike.</summary>
        public static byte[] HealthBytes(SlotFirmware fw)
        {
            ByteWriter w = new ByteWriter(new StoreSettings().SnapshotCapacity);
            fw.Health.SaveState(w);
            fw.Counters.SaveState(w);
            fw.Fallback.SaveState(w);
            byte[] copy = new byte[w.Position];
            System.Array.Copy(w.Buffer, copy, w.Position);
            return copy;
        }
    }
}
