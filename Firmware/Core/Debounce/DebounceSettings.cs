namespace PosSlot.Firmware.Debounce
{
    /// <summary>
    /// Per-line filter parameters. Defaults and the data behind them: docs/debounce.md.
    /// </summary>
    public sealed class DebounceSettings
    {
        /// <summary>Pulses shorter than this are noise (EMI spikes are under 50 us; 2x margin).</summary>
        public long GlitchUs = 100;

        /// <summary>
        /// A burst of edges ends once the line has been quiet this long; the settled level is then
        /// reported. This is the bounce-merge window: it must exceed the longest gap inside one
        /// bounce (a worn switch's 6 ms bounce has gaps of several ms), and it is the report latency
        /// after the last bounce (seated must be reported within 10 ms). docs/debounce.md.
        /// </summary>
        public long QuietUs = 8000;

        /// <summary>
        /// A glitch this close to a burst's passed edges (before its first, or after its last) is one
        /// of its bounces and counts; farther out it is EMI. Gaps inside a bounce train are
        /// sub-millisecond (Ganssle), and a longer window would let EMI in the quiet tail stretch
        /// the bounce figures and the report latency.
        /// </summary>
        public long GlitchJoinUs = 1000;

        /// <summary>A burst still running after this long is reported once as chatter (a failing switch).</summary>
        public long ChatterUs = 50000;

        public DebounceSettings Copy()
        {
            DebounceSettings c = new DebounceSettings();
            c.GlitchUs = GlitchUs;
            c.QuietUs = QuietUs;
            c.GlitchJoinUs = GlitchJoinUs;
            c.ChatterUs = ChatterUs;
            return c;
        }
    }
}
