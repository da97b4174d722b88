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
    }
}
