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
        /// reported. Must exceed the longest gap inside one bounce train (sub-millisecond) and is the
        /// report latency after the last bounce.
        /// </summary>
        public long QuietUs = 2000;

        /// <summary>A burst still running after this long is reported once as chatter (a failing switch).</summary>
        public long ChatterUs = 50000;

        public DebounceSettings Copy()
        {
            DebounceSettings c = new DebounceSettings();
            c.GlitchUs = GlitchUs;
            c.QuietUs = QuietUs;
            c.ChatterUs = ChatterUs;
            return c;
        }
    }
}
