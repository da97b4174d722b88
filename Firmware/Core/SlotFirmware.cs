using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;

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
        public const int DefaultLogCapacity = 128;

        readonly SlotCore _core;
        readonly EventLog _log;
        readonly SlotCounters _counters = new SlotCounters();
        readonly SlotHealthAnalyzer _health;
        readonly FallbackController _fallback;

        public SlotFirmware(SlotConfig config, HealthSettings health, IFallbackOutput fallbackOutput, int logCapacity)
        {
            _core = new SlotCore(config);
            _log = new EventLog(logCapacity);
            _health = new SlotHealthAnalyzer(health, _core.Bus, _counters);
            _fallback = new FallbackController(fallbackOutput, _core.Bus);
            _core.AddSink(_log);
            _core.AddSink(_counters);
            _core.AddSink(_health);
            _core.AddSink(_fallback);
        }

        public SlotCore Core { get { return _core; } }
        public EventLog Log { get { return _log; } }
        public SlotCounters Counters { get { return _counters; } }
        public SlotHealthAnalyzer Health { get { return _health; } }
        public FallbackController Fallback { get { return _fallback; } }

        /// <summary>A technician cleaned the slot and the card path.</summary>
        public void SlotCleaned(long tUs)
        {
            _core.Advance(tUs);
            _health.SlotCleaned(tUs, _counters.BoardInsertions);
        }

        /// <summary>A technician fitted a new slot.</summary>
        public void SlotReplaced(long tUs)
        {
            _core.Advance(tUs);
            _health.SlotReplaced(tUs, _counters.BoardInsertions);
        }
    }
}
