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

        public void OnSlotEvent(SlotEvent e)
        {
            if (e.Code != EventCode.HealthChanged)
            {
                return;
            }
            int to = HealthDetail.MoveTo(e.Detail1);
            if (to == HealthState.Failed && !_engaged)
            {
                Engage(e, e.Detail2);
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
            if (!_engaged)
            {
                _engaged = true;
                EngagedAtInsertion = insertionIndex;
                _output.SetFallbackEnabled(true);
                _bus.Emit(EventCode.FallbackEngaged, tUs, tUs, insertionIndex, null, -1, ReasonCode.ForcedByTechnician);
            }
        }

        /// <summary>Ends a forced fallback; the slot's own state decides whether fallback stays.</summary>
        public void Unforce(long tUs, long insertionIndex, int healthState)
        {
            _forced = false;
            if (_engaged && healthState != HealthState.Failed)
            {
                Release(tUs, tUs, insertionIndex, ReasonCode.ForcedByTechnician);
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
            w.Bool(_forced);
            w.Long(EngagedAtInsertion);
        }

        /// <summary>Restores the latch at boot and drives the line to match before anything else runs.</summary>
        public void LoadState(ByteReader r)
        {
            _engaged = r.Bool();
            _forced = r.Bool();
            EngagedAtInsertion = r.Long();
            _output.SetFallbackEnabled(_engaged);
        }
    }
}
