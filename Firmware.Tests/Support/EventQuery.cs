using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>Questions the health tests ask of recorded events.</summary>
    public static class EventQuery
    {
        /// <summary>The first FlagRaised event, or null.</summary>
        public static RecordedEvent FirstFlag(EventRecorder r)
        {
            return r.First(EventCode.FlagRaised);
        }

        /// <summary>The first FlagRaised for a fault class at or above a level, or null.</summary>
        public static RecordedEvent FirstFlag(EventRecorder r, int fault, int level)
        {
            return r.FirstFlag(fault, level);
        }

        public static int Reason(RecordedEvent flag)
        {
            return HealthDetail.FlagReason(flag.Detail2);
        }
    }
}
