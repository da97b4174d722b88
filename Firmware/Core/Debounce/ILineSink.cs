namespace PosSlot.Firmware.Debounce
{
    /// <summary>Receives what a DebouncedLine concludes. Called synchronously from Advance.</summary>
    public interface ILineSink
    {
        /// <summary>
        /// The line settled at a new level. firstUs is the burst's first edge (the event's time),
        /// lastUs its last edge, edges the edges counted in it (glitches included), reportUs now.
        /// </summary>
        void OnLineSettled(int line, int level, long firstUs, long lastUs, int edges, long reportUs);

        /// <summary>A burst ended where it began: noise, no change of level.</summary>
        void OnLineNoise(int line, long firstUs, long lastUs, int edges, long reportUs);

        /// <summary>A burst has run longer than ChatterUs without settling (reported once per burst).</summary>
        void OnLineChatter(int line, long firstUs, int edges, long reportUs);
    }
}
