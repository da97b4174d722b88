using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Events;

namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// Moves payments to the external reader when the slot fails and back only after repair: it
    /// follows the analyser's HealthChanged events (Failed is latched there until maintenance) and a
    /// technician's forced fallback, drives the FallbackEnable line and tells the terminal.
    /// </summary>
    public sealed class FallbackController : ISlotEventSink
    {
        readonly IFallbackOutput _output;
        readonly EventBus _bus;
        bool _engaged;
        bool _forced;
        bool _forcedOff;

        /// <summary>Insertion index at which fallback last engaged (0 if never).</summary>
        public long EngagedAtInsertion;

        public FallbackController(IFallbackOutput output, EventBus bus)
        {
            _output = output;
            _bus = bus;
            _output.SetFallbackEnabled(false);
        }

        public bool Engaged { get { return _engaged; } }
        public bool Forced { get { return _forced; } }

        /// <summary>Forced off: the slot stays in use even if it fails (a technician testing a repair).</summary>
        public bool ForcedOff { get { return _forced && _forcedOff; } }

        public void OnSlotEvent(SlotEvent e)
        {
            if (e.Code != EventCode.HealthChanged)
            {
                return;
            }
            int to = HealthDetail.MoveTo(e.Detail1);
            if (to == HealthState.Failed && !_engaged && !_forced)
            {
                Engage(e, e.Detail2);
            }
            else if (to == HealthState.Failed && _forced)
            {
                return; // a technician holds the line where it is
            }
            else if (to != HealthState.Failed && _engaged && !_forced)
            {
                Release(e.TimeUs, e.ReportUs, e.InsertionIndex, e.Detail2);
            }
        }

        /// <summary>A technician forces the external reader (authenticated on the console); held until released.</summary>
        public void Force(long tUs, long insertionIndex)
        {
            _forced = true;
            _forcedOff = false;
            if (!_engaged)
            {
                _engaged = true;
                EngagedAtInsertion = insertionIndex;
                _output.SetFallbackEnabled(true);
                _bus.Emit(EventCode.FallbackEngaged, tUs, tUs, insertionIndex, null, -1, ReasonCode.ForcedByTechnician);
            }
        }

        /// <summary>A technician keeps the slot in use, fallback off, even if the slot is failed; held until released.</summary>
        public void ForceOff(long tUs, long insertionIndex)
        {
            _forced = true;
            _forcedOff = true;
            if (_engaged)
            {
                Release(tUs, tUs, insertionIndex, ReasonCode.ForcedByTechnician);
            }
        }

        /// <summary>Ends a forced mode; the slot's own state decides whether fallback is engaged.</summary>
        public void Unforce(long tUs, long insertionIndex, int healthState)
        {
            _forced = false;
            _forcedOff = false;
            if (_engaged && healthState != HealthState.Failed)
            {
                Release(tUs, tUs, insertionIndex, ReasonCode.ForcedByTechnician);
            }
            else if (!_engaged && healthState == HealthState.Failed)
            {
                _engaged = true;
                EngagedAtInsertion = insertionIndex;
                _output.SetFallbackEnabled(true);
                _bus.Emit(EventCode.FallbackEngaged, tUs, tUs, insertionIndex, null, -1, ReasonCode.ForcedByTechnician);
            }
        }

        void Engage(SlotEvent e, long reason)
        {
            _engaged = true;
            EngagedAtInsertion = e.InsertionIndex;
            _output.SetFallbackEnabled(true);
            _bus.Emit(EventCode.FallbackEngaged, e.TimeUs, e.ReportUs, e.InsertionIndex, e.Record, HealthDetail.MoveFault(e.Detail1), reason);
        }

        void Release(long tUs, long reportUs, long insertionIndex, long reason)
        {
            _engaged = false;
            _output.SetFallbackEnabled(false);
            _bus.Emit(EventCode.FallbackReleased, tUs, reportUs, insertionIndex, null, 0, reason);
        }
    
        public void SaveState(ByteWriter w)
        {
            w.Bool(_engaged);
            // 0 automatic, 1 forced on, 2 forced off (0 and 1 read as the bool they once were).
            w.Byte(_forced ? (_forcedOff ? 2 : 1) : 0);
            w.Long(EngagedAtInsertion);
        }

        /// <summary>Restores the latch at boot and drives the line to match before anything else runs.</summary>
        public void LoadState(ByteReader r)
        {
            _engaged = r.Bool();
            int mode = r.Byte();
            if (mode > 2)
            {
                r.Failed = true;
            }
            _forced = mode != 0;
            _forcedOff = mode == 2;
            EngagedAtInsertion = r.Long();
            _output.SetFallbackEnabled(_engaged);
        }
    }
}
