using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware
{
    /// <summary>
    /// The whole portable firmware: the edge-driven core plus counters, event log, health
    /// analyser and fallback controller, wired in the order the log needs (log first, so a
    /// nested event is logged right after its cause). The device layer, replay and the emulator
    /// all build this and feed Core.
    /// </summary>
    public sealed class SlotFirmware
    {
        /// <summary>Milestones the history holds (about 25 bytes each: 3.2 KB).</summary>
        public const int DefaultLogCapacity = 128;

        readonly SlotCore _core;
        readonly EventLog _log;
        readonly SlotCounters _counters = new SlotCounters();
        readonly SlotHealthAnalyzer _health;
        readonly FallbackController _fallback;
        readonly SlotConfig _config;
        readonly HealthSettings _healthSettings;
        StateStore _store;
        readonly StoreGate _storeGate = new StoreGate();

        public SlotFirmware(SlotConfig config, HealthSettings health, IFallbackOutput fallbackOutput, int logCapacity)
        {
            _config = config;
            _healthSettings = health;
            _core = new SlotCore(config);
            _log = new EventLog(logCapacity);
            _health = new SlotHealthAnalyzer(health, _core.Bus, _counters);
            _fallback = new FallbackController(fallbackOutput, _core.Bus);
            _core.AddSink(_log);
            _core.AddSink(_counters);
            // The store sees an input before the analyser acts on it: what the analyser reports is journaled first.
            _core.AddSink(_storeGate);
            _core.AddSink(_health);
            _core.AddSink(_fallback);
        }

        public SlotCore Core { get { return _core; } }
        public EventLog Log { get { return _log; } }
        public SlotCounters Counters { get { return _counters; } }
        public SlotHealthAnalyzer Health { get { return _health; } }
        public FallbackController Fallback { get { return _fallback; } }
        public HealthSettings HealthSettings { get { return _healthSettings; } }

        /// <summary>The store the state survives power cuts in (null until AttachStore).</summary>
        public StateStore Store { get { return _store; } }

        /// <summary>
        /// Makes the state survive power cuts: recovers it from the storage (snapshot, then the
        /// journal) and from then on journals and snapshots it. Call once, before feeding edges.
        /// </summary>
        public BootReport AttachStore(IStateStorage storage, StoreSettings settings, int resetReason)
        {
            _store = new StateStore(storage, settings, this);
            _storeGate.Store = _store;
            _core.Bus.SetSettledSink(_store);
            return _store.Boot(resetReason);
        }

        /// <summary>A firmware with the same settings and nothing attached: the store checks a snapshot on it before trusting it.</summary>
        public SlotFirmware Blank()
        {
            return new SlotFirmware(_config, _healthSettings, new DisconnectedFallbackOutput(), _log.Capacity);
        }

        /// <summary>A technician cleaned the slot and the card path.</summary>
        public void SlotCleaned(long tUs)
        {
            _core.Advance(tUs);
            _core.Bus.Hold();
            _health.SlotCleaned(tUs, _counters.BoardInsertions);
            _core.Bus.Release();
        }

        /// <summary>A technician fitted a new slot.</summary>
        public void SlotReplaced(long tUs)
        {
            _core.Advance(tUs);
            _core.Bus.Hold();
            _health.SlotReplaced(tUs, _counters.BoardInsertions);
            _core.Bus.Release();
        }
    
        /// <summary>Holds the store's place among the sinks (before the analyser) until one is attached.</summary>
        sealed class StoreGate : ISlotEventSink
        {
            public StateStore Store;

            public void OnSlotEvent(SlotEvent e)
            {
                if (Store != null)
                {
                    Store.OnSlotEvent(e);
                }
            }
        }
    }
}
