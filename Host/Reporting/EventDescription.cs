using PosSlot.Firmware.Events;

namespace PosSlot.Host.Reporting;

/// <summary>Reads an event's numeric details back into words: the firmware's own table, so the console and the host agree.</summary>
public static class EventDescription
{
    public static string Details(int code, long detail1, long detail2) => EventText.Describe(code, detail1, detail2);
}
