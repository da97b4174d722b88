using System.Collections.Generic;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Slot;

namespace PosSlot.Host.Replay;

/// <summary>
/// Keeps a copy of every finished insertion record and of every notable event (the routine
/// lifecycle is in the records already; EventCode.IsRoutine says which).
/// </summary>
public sealed class ReplayCollector : ISlotEventSink
{
    public List<InsertionRecord> Records { get; } = new();
    public List<LoggedEvent> Events { get; } = new();

    public void OnSlotEvent(SlotEvent e)
    {
        if (e.Code == EventCode.CardRemoved)
        {
            var copy = new InsertionRecord();
            e.Record.CopyTo(copy);
            Records.Add(copy);
        }
        if (EventCode.IsRoutine(e.Code))
        {
            return;
        }
        Events.Add(new LoggedEvent(e.Code, EventCode.Name(e.Code), e.TimeUs, e.ReportUs, e.InsertionIndex, e.Detail1, e.Detail2));
    }
}

/// <summary>An event as the host keeps it.</summary>
public sealed record LoggedEvent(int Code, string Name, long TimeUs, long ReportUs, long InsertionIndex, long Detail1, long Detail2);
