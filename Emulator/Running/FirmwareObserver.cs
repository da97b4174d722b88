using System.Collections.Generic;
using PosSlot.Emulator.Physics;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Slot;

namespace PosSlot.Emulator.Running;

/// <summary>
/// Watches what the firmware reports during an emulation and sets it against the truth of the
/// insertion under way: report latency per line settle, flags, fallback, the life curve.
/// </summary>
public sealed class FirmwareObserver(LifeCurve curve) : ISlotEventSink
{
    InsertionTruth _truth;

    public List<int> InsertLatencyUs { get; } = new();
    public List<int> RemoveLatencyUs { get; } = new();
    public List<FlagRecord> Flags { get; } = new();
    public long? FallbackAtInsertion { get; private set; }
    public long TransactionFallbacks { get; private set; }
    public long TransactionInterruptions { get; private set; }

    /// <summary>The insertion now being fed; its reports are measured against it.</summary>
    public void Expect(in InsertionTruth truth) => _truth = truth;

    public void OnSlotEvent(SlotEvent e)
    {
        switch (e.Code)
        {
            case EventCode.CardInserted:
                if (_truth.DetectInSettledUs >= 0 && (e.Record.Flags & InsertionFlags.ContactWithoutDetect) == 0 && e.TimeUs >= _truth.StartUs)
                {
                    InsertLatencyUs.Add((int)(e.ReportUs - _truth.DetectInSettledUs));
                }
                break;
            case EventCode.CardRemoved:
                var r = e.Record;
                if (_truth.DetectOutSettledUs >= 0 && (r.Flags & (InsertionFlags.DetectStuck | InsertionFlags.ContactWithoutDetect)) == 0)
                {
                    RemoveLatencyUs.Add((int)(e.ReportUs - _truth.DetectOutSettledUs));
                }
                curve.Add(r.Index, r.Seated, r.ContactBounceSpanUs, (r.Flags & InsertionFlags.ContactWithoutDetect) == 0 ? r.SeatDelayUs : -1, r.Interruptions > 0);
                break;
            case EventCode.FlagRaised:
                Flags.Add(new FlagRecord(e.InsertionIndex, e.TimeUs, FaultClass.Name((int)e.Detail1),
                    HealthState.Name(HealthDetail.FlagLevel(e.Detail2)), ReasonCode.Name(HealthDetail.FlagReason(e.Detail2))));
                break;
            case EventCode.FallbackEngaged:
                FallbackAtInsertion ??= e.InsertionIndex;
                break;
            case EventCode.FallbackForTransaction:
                TransactionFallbacks++;
                break;
            case EventCode.TransactionInterrupted:
                TransactionInterruptions++;
                break;
        }
    }
}
