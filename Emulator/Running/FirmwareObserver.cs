using System;
using System.Linq;
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
    readonly List<int> _spanError = new();
    readonly List<int> _seatError = new();
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
                if (r.Seated && _truth.ContactFirstEdgeUs >= 0 && _truth.DetectFirstEdgeUs >= 0 && r.Flags == 0)
                {
                    _spanError.Add((int)Math.Min(int.MaxValue, Math.Abs(r.ContactBounceSpanUs - (_truth.ContactSettledUs - _truth.ContactFirstEdgeUs))));
                    _seatError.Add((int)Math.Min(int.MaxValue, Math.Abs(r.SeatDelayUs - (_truth.ContactFirstEdgeUs - _truth.DetectFirstEdgeUs))));
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

    /// <summary>The measures' errors against the truth so far.</summary>
    public MeasurementError MeasurementError()
    {
        static (double Mean, long P95, long Max) Of(List<int> errors)
        {
            if (errors.Count == 0)
            {
                return (0, 0, 0);
            }
            var sorted = errors.ToArray();
            Array.Sort(sorted);
            return (sorted.Average(), sorted[(int)(0.95 * (sorted.Length - 1))], sorted[^1]);
        }
        var span = Of(_spanError);
        var seat = Of(_seatError);
        return new MeasurementError(_spanError.Count, span.Mean, span.P95, span.Max, seat.Mean, seat.P95, seat.Max);
    }
}
