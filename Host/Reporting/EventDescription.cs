using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;

namespace PosSlot.Host.Reporting;

/// <summary>Reads an event's numeric details back into words, per event code.</summary>
public static class EventDescription
{
    public static string Details(int code, long detail1, long detail2) => code switch
    {
        EventCode.FlagRaised or EventCode.FlagCleared =>
            $"{FaultClass.Name((int)detail1)} -> {HealthState.Name(HealthDetail.FlagLevel(detail2))} ({ReasonCode.Name(HealthDetail.FlagReason(detail2))})",
        EventCode.HealthChanged =>
            $"{HealthState.Name(HealthDetail.MoveFrom(detail1))} -> {HealthState.Name(HealthDetail.MoveTo(detail1))} ({ReasonCode.Name((int)detail2)})",
        EventCode.FallbackEngaged => $"reason {ReasonCode.Name((int)detail2)}",
        EventCode.FallbackReleased => $"reason {ReasonCode.Name((int)detail2)}",
        EventCode.ContactRestored => $"lost for {detail1} us (interruption {detail2})",
        EventCode.LineNoise or EventCode.LineChatter => $"{PosSlot.Firmware.Lines.SlotLine.Name((int)detail1)}, {detail2} edges",
        EventCode.BaselineLearned => $"contact bounce {detail1} us, seat delay {detail2} us",
        EventCode.ReadFailed or EventCode.FallbackForTransaction => $"{detail1} failed reads on this card",
        EventCode.EdgeOutOfOrder => $"{PosSlot.Firmware.Lines.SlotLine.Name((int)detail1)} edge {detail2} us late",
        EventCode.DetectDropout => $"detect open {detail1} us under the card (dropout {detail2})",
        EventCode.LogCleared => $"{detail1} entries cleared",
        _ => "",
    };
}
