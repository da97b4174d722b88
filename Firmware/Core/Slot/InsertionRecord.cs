namespace PosSlot.Firmware.Slot
{
    /// <summary>
    /// Measurements of one insertion. The monitor reuses one instance (no allocation per card):
    /// a sink that keeps records copies them with CopyTo.
    /// </summary>
    public sealed class InsertionRecord
    {
        public const long None = -1;

        /// <summary>1-based insertion number on this slot.</summary>
        public long Index;
        public long InsertedUs = None;
        public long SeatedUs = None;
        public long RemovedUs = None;

        /// <summary>When the firmware reported each transition (debounce and presence latency after the time above).</summary>
        public long InsertedReportedUs = None;
        public long SeatedReportedUs = None;
        public long RemovedReportedUs = None;
        public int DetectBounces;
        public long DetectBounceSpanUs;
        public int ContactBounces;
        public long ContactBounceSpanUs;
        public int Interruptions;
        public long InterruptedUs;

        /// <summary>Times detect let go under the card and came back before the presence rule's window ran out, and their total open time.</summary>
        public int DetectDropouts;
        public long DetectDropoutUs;
        public int ReadAttempts;
        public int ReadFailures;
        public int Flags;

        /// <summary>Detect-to-contact delay, or None when the card never seated.</summary>
        public long SeatDelayUs
        {
            get { return SeatedUs == None || InsertedUs == None ? None : SeatedUs - InsertedUs; }
        }

        public bool Seated { get { return SeatedUs != None; } }

        public void Clear()
        {
            Index = 0;
            InsertedUs = None;
            SeatedUs = None;
            RemovedUs = None;
            InsertedReportedUs = None;
            SeatedReportedUs = None;
            RemovedReportedUs = None;
            DetectBounces = 0;
            DetectBounceSpanUs = 0;
            ContactBounces = 0;
            ContactBounceSpanUs = 0;
            Interruptions = 0;
            InterruptedUs = 0;
            DetectDropouts = 0;
            DetectDropoutUs = 0;
            ReadAttempts = 0;
            ReadFailures = 0;
            Flags = 0;
        }

        public void CopyTo(InsertionRecord target)
        {
            target.Index = Index;
            target.InsertedUs = InsertedUs;
            target.SeatedUs = SeatedUs;
            target.RemovedUs = RemovedUs;
            target.InsertedReportedUs = InsertedReportedUs;
            target.SeatedReportedUs = SeatedReportedUs;
            target.RemovedReportedUs = RemovedReportedUs;
            target.DetectBounces = DetectBounces;
            target.DetectBounceSpanUs = DetectBounceSpanUs;
            target.ContactBounces = ContactBounces;
            target.ContactBounceSpanUs = ContactBounceSpanUs;
            target.Interruptions = Interruptions;
            target.InterruptedUs = InterruptedUs;
            target.DetectDropouts = DetectDropouts;
            target.DetectDropoutUs = DetectDropoutUs;
            target.ReadAttempts = ReadAttempts;
            target.ReadFailures = ReadFailures;
            target.Flags = Flags;
        }
    }
}
