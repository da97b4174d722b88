namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>A copy of one SlotEvent, kept by the recorder.</summary>
    public sealed class RecordedEvent
    {
        public int Code;
        public long TimeUs;
        public long ReportUs;
        public long InsertionIndex;
        public long Detail1;
        public long Detail2;
    }
}
