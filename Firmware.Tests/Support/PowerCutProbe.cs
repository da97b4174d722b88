using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// A drive that, before each write lands, tries a power cut at every byte of it: it copies the
    /// drive, tears the write there, boots a fresh firmware from the copy and checks the recovery
    /// against the live firmware at that instant (count and payments retried within one, health never better, fallback
    /// never released, every milestone the live firmware logged is in the recovered history and no
    /// id names two events). Then the write lands for real and the run goes on, so one run checks every
    /// offset of its whole write stream.
    /// </summary>
    public sealed class PowerCutProbe : IStateStorage
    {
        readonly SimulatedFlash _flash;
        readonly StoreSettings _settings;
        readonly int _step;
        readonly int _phase;
        public SlotFirmware Live;
        bool _appending;

        /// <summary>Tries the cuts at bytes phase, phase + step, ... of each write (step 1, phase 0: every byte).</summary>
        public PowerCutProbe(SimulatedFlash flash, StoreSettings settings, int step, int phase)
        {
            _flash = flash;
            _settings = settings;
            _step = step;
            _phase = phase;
            HeapProbe.Root(this);
        }

        public long Cuts;
        public long CutsLosingAnInsertion;
        public long Failures;
        public string FirstFailure;

        public byte[] Read(string name)
        {
            return _flash.Read(name);
        }

        public bool Write(string name, byte[] data, int length)
        {
            for (int k = _phase; k < length; k += _step)
            {
                SimulatedFlash copy = _flash.Clone();
                copy.Write(name, data, k);
                Check(copy, name, k);
            }
            return _flash.Write(name, data, length);
        }

        public bool Append(string name, byte[] data, int offset, int length)
        {
            _appending = true;
            for (int k = _phase; k < length; k += _step)
            {
                SimulatedFlash copy = _flash.Clone();
                copy.Append(name, data, offset, k);
                Check(copy, name, k);
            }
            _appending = false;
            return _flash.Append(name, data, offset, length);
        }

        public bool Delete(string name)
        {
            return _flash.Delete(name);
        }

        void Check(SimulatedFlash copy, string name, int torn)
        {
            Cuts++;
            if (Live == null)
            {
                return; // the first boot's own snapshot: checked by the new-board tests
            }
            SlotFirmware fw = new SlotFirmware(new SlotConfig(), new HealthSettings(), new DisconnectedFallbackOutput(), SlotFirmware.DefaultLogCapacity);
            BootReport boot = fw.AttachStore(copy, _settings, 0);
            if (Cuts % 256 == 0)
            {
                HeapProbe.Checkpoint(fw);
            }
            long live = Live.Counters.BoardInsertions;
            long got = fw.Counters.BoardInsertions;
            if (got < live)
            {
                CutsLosingAnInsertion++;
            }
            string why = null;
            if (boot.Outcome != EventCode.StoreRecovered)
            {
                why = "boot outcome " + EventCode.Name(boot.Outcome);
            }
            else if (got > live || got < live - 1)
            {
                why = "count " + got + " for " + live;
            }
            else if (fw.Health.State < Live.Health.State)
            {
                why = "health " + HealthState.Name(fw.Health.State) + " after " + HealthState.Name(Live.Health.State);
            }
            else if (Live.Fallback.Engaged && !fw.Fallback.Engaged)
            {
                why = "fallback released";
            }
            else if (fw.Counters.SlotInsertions > Live.Counters.SlotInsertions || fw.Counters.Replacements != Live.Counters.Replacements)
            {
                why = "slot count " + fw.Counters.SlotInsertions + " for " + Live.Counters.SlotInsertions;
            }
            else if (fw.Counters.PaymentsRetried > Live.Counters.PaymentsRetried || fw.Counters.PaymentsRetried < Live.Counters.PaymentsRetried - 1)
            {
                why = "payments retried " + fw.Counters.PaymentsRetried + " for " + Live.Counters.PaymentsRetried;
            }
            if (why == null)
            {
                why = MilestonesKept(fw.Log);
            }
            if (why != null)
            {
                Failures++;
                if (FirstFailure == null)
                {
                    FirstFailure = "cut in " + name + " at byte " + torn + " of the write, insertion " + live + ": " + why;
                }
            }
        }

        /// <summary>
        /// Null when every change the live history holds (Milestone.Evictable false) is in the recovered
        /// one, in order (a replayed one may carry a new id), and every recovered id below the live next
        /// id names the live entry of that id.
        /// </summary>
        string MilestonesKept(EventLog got)
        {
            EventLog live = Live.Log;
            int j = 0;
            for (int i = 0; i < live.Count; i++)
            {
                int code = live.CodeAt(i);
                if (Milestone.Evictable(code, live.Detail2At(i)))
                {
                    continue;
                }
                if (_appending && i == live.Count - 1 && (code == EventCode.SlotCleaned || code == EventCode.SlotReplaced))
                {
                    continue; // the input in flight: logged as it happened, journaled right after (the cut loses it, as it loses a card)
                }
                while (j < got.Count && !Same(live, i, got, j))
                {
                    j++;
                }
                if (j == got.Count)
                {
                    return "milestone " + live.IdAt(i) + " " + EventCode.Name(live.CodeAt(i)) + " at insertion " + live.InsertionAt(i) + " lost";
                }
                j++;
            }
            int k = 0;
            for (int g = 0; g < got.Count; g++)
            {
                long id = got.IdAt(g);
                if (g > 0 && id <= got.IdAt(g - 1))
                {
                    return "ids not increasing at " + id;
                }
                if (id >= live.NextId)
                {
                    continue;
                }
                while (k < live.Count && live.IdAt(k) < id)
                {
                    k++;
                }
                if (k == live.Count || live.IdAt(k) != id || !Same(live, k, got, g))
                {
                    return "id " + id + " names another event after the cut";
                }
            }
            return null;
        }

        static bool Same(EventLog a, int i, EventLog b, int j)
        {
            return a.CodeAt(i) == b.CodeAt(j) && a.InsertionAt(i) == b.InsertionAt(j)
                && a.Detail1At(i) == b.Detail1At(j) && a.Detail2At(i) == b.Detail2At(j);
        }
    }
}
