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

        /// <summary>
        /// Starts a snapshot of this board as an older firmware (format 1 or 2) wrote it: the header and its four
        /// counters. Its journal sequence is past every entry on the drive, as a real snapshot's is past those it
        /// holds, so nothing is replayed twice. The caller writes the rest and ends it with PutOldSnapshot.
        /// </summary>
        public ByteWriter BeginOldSnapshot(int version, out int start)
        {
            ByteWriter w = new ByteWriter(16384);
            start = RecordFrame.Begin(w, RecordKind.Snapshot, 500);
            w.Buffer[start + 1] = (byte)version;
            w.UInt(100000);
            w.Long(3);
            w.Int(0);
            w.Long(Fw.Core.NowUs);
            w.Long(Fw.Counters.BoardInsertions);
            w.Long(Fw.Counters.SlotInsertions);
            w.Long(Fw.Counters.Replacements);
            w.Long(Fw.Counters.StoreLosses);
            return w;
        }

        /// <summary>Ends the old snapshot and makes it the drive's only one (snapshot number 500).</summary>
        public void PutOldSnapshot(ByteWriter w, int start)
        {
            if (!RecordFrame.End(w, start))
            {
                throw new System.InvalidOperationException("the old snapshot does not fit");
            }
            byte[] old = new byte[w.Position];
            System.Array.Copy(w.Buffer, old, old.Length);
            Flash.Put(StoreFiles.Name(StoreFiles.SnapshotA), old);
            Flash.Put(StoreFiles.Name(StoreFiles.SnapshotB), new byte[0]);
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
