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
        public int DetectBounces;
        public long DetectBounceSpanUs;
        public int ContactBounces;
        public long ContactBounceSpanUs;
        public int Interruptions;
        public long InterruptedUs;
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
            DetectBounces = 0;
            DetectBounceSpanUs = 0;
            ContactBounces = 0;
            ContactBounceSpanUs = 0;
            Interruptions = 0;
            InterruptedUs = 0;
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
            target.DetectBounces = DetectBounces;
            target.DetectBounceSpanUs = DetectBounceSpanUs;
            target.ContactBounces = ContactBounces;
            target.ContactBounceSpanUs = ContactBounceSpanUs;
            target.Interruptions = Interruptions;
            target.InterruptedUs = InterruptedUs;
            target.ReadAttempts = ReadAttempts;
            target.ReadFailures = ReadFailures;
            target.Flags = Flags;
        }
    }
}
