using System.Collections.Generic;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Slot;

namespace PosSlot.Host.Replay;

/// <summary>
/// Hands every finished insertion record to the output at once, and keeps the first MaxEvents
/// notable events (the routine lifecycle is in the records; EventCode.IsRoutine says which),
/// counting the rest: memory stays bounded however long the trace.
/// </summary>
public sealed class ReplayCollector(IReplayOutput output) : ISlotEventSink
{
    public const int MaxEvents = 10_000;

    public List<LoggedEvent> Events { get; } = new();
    public long EventsNotKept { get; private set; }
    public long Records { get; private set; }

    public void OnSlotEvent(SlotEvent e)
    {
        if (e.Code == EventCode.CardRemoved)
        {
            Records++;
            output.Record(e.Record);
        }
        if (EventCode.IsRoutine(e.Code))
        {
            return;
        }
        if (Events.Count == MaxEvents)
        {
            EventsNotKept++;
            return;
        }
        Events.Add(new LoggedEvent(e.Code, EventCode.Name(e.Code), e.TimeUs, e.ReportUs, e.InsertionIndex, e.Detail1, e.Detail2));
    }
}

/// <summary>An event as the host keeps it.</summary>
public sealed record LoggedEvent(int Code, string Name, long TimeUs, long ReportUs, long InsertionIndex, long Detail1, long Detail2);
