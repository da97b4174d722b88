namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>What one synthetic insertion looks like; InsertionSynth turns it into edges.</summary>
    public sealed class InsertionShape
    {
        public long ContactSpanUs = 2000;
        public int ContactBounces = 5;
        public long SeatDelayUs = 100000;
        public long SeatedForUs = 400000;
        public bool NeverSeats;
        public bool NoDetect;
        public int Interruptions;
        public int FailedReads;
        public bool ReportReads;

        /// <summary>Detect noise pulses (200 us each) after the card has gone.</summary>
        public int DetectNoiseAfter;

        public static InsertionShape Healthy()
        {
            return new InsertionShape();
        }
    }
}
