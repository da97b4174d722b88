using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;

namespace PosSlot.Firmware.Events
{
    /// <summary>An event's numeric details in words, per event code (the console and the host tools both show these).</summary>
    public static class EventText
    {
        public static string Describe(int code, long detail1, long detail2)
        {
            switch (code)
            {
                case EventCode.FlagRaised:
                case EventCode.FlagCleared:
                    return FaultClass.Name((int)detail1) + " -> " + HealthState.Name(HealthDetail.FlagLevel(detail2))
                        + " (" + ReasonCode.Name(HealthDetail.FlagReason(detail2)) + ")";
                case EventCode.HealthChanged:
                    return HealthState.Name(HealthDetail.MoveFrom(detail1)) + " -> " + HealthState.Name(HealthDetail.MoveTo(detail1))
                        + " (" + ReasonCode.Name((int)detail2) + ")";
                case EventCode.FallbackEngaged:
                case EventCode.FallbackReleased:
                    return "reason " + ReasonCode.Name((int)detail2);
                case EventCode.ContactRestored:
                    return "lost for " + detail1.ToString() + " us (interruption " + detail2.ToString() + ")";
                case EventCode.LineNoise:
                case EventCode.LineChatter:
                    return SlotLine.Name((int)detail1) + ", " + detail2.ToString() + " edges";
                case EventCode.BaselineLearned:
                    return "contact bounce " + detail1.ToString() + " us, seat delay " + detail2.ToString() + " us";
                case EventCode.ReadFailed:
                case EventCode.FallbackForTransaction:
                    return detail1 == 1 ? "1 failed read on this card" : detail1.ToString() + " failed reads on this card";
                case EventCode.EdgeOutOfOrder:
                    return SlotLine.Name((int)detail1) + " edge " + detail2.ToString() + " us late";
                case EventCode.DetectDropout:
                    return "detect open " + detail1.ToString() + " us under the card (dropout " + detail2.ToString() + ")";
                case EventCode.LogCleared:
                    return detail1.ToString() + " entries cleared";
                case EventCode.AuthSucceeded:
                    return "session opened";
                case EventCode.AuthFailed:
                    return detail1.ToString() + " failures in a row" + (detail2 == 1 ? ", auth locked out" : "");
                case EventCode.AuthLockedOut:
                    return "for " + detail1.ToString() + " s" + (detail2 == 1 ? " (auth.bin unreadable at boot)" : "");
                case EventCode.ConsoleAction:
                    return Console.ConsoleAction.Name((int)detail1) + (detail2 == 0 ? " done" : " refused: " + Console.ErrorCode.Name((int)detail2));
                default:
                    return "";
            }
        }
    }
}
