namespace PosSlot.Firmware.Slot
{
    /// <summary>Insertion-lifecycle parameters. Defaults and reasons: docs/debounce.md.</summary>
    public sealed class SlotMonitorSettings
    {
        /// <summary>Contact chatter this soon after seating is spring settling, not an interruption (contacts settle within 40 ms).</summary>
        public long ContactSettleUs = 40000;

        /// <summary>
        /// After the contact opens, a working detect switch releases within one withdrawal stroke.
        /// Still asserted this long after the contact opened: the card is gone and detect is stuck.
        /// </summary>
        public long DetectReleaseTimeoutUs = 5000000;

        /// <summary>
        /// Contact dropouts from dirt or fretting last microseconds to milliseconds; a human takes at
        /// least ~150 ms to pull a card and seat one again. A contact open this long under a detect
        /// that never released is a card leaving, and its re-close a new card.
        /// </summary>
        public long ReseatGapUs = 100000;

        /// <summary>
        /// The presence rule: a card is gone only once detect has stayed open this long after its
        /// release settled. Shorter openings are detect dropouts of the card that is in (worn
        /// switches drop out 2..25 ms, a few up to 30..60 ms); no human pulls a card and pushes one
        /// back within ~100 ms. It is also the removal's report latency. docs/debounce.md.
        /// </summary>
        public long PresenceUs = 50000;
    }
}
