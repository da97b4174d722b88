using PosSlot.Firmware.Lines;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// One card with the chatter worn switches show in real captures: open dropouts of detect under
    /// a held card, phantom closed pulses a few ms before or after the press, and long gappy bounces.
    /// Times are relative to the press (detect's first close); AddTo writes the card's edges in order.
    /// </summary>
    public sealed class ChatterCard
    {
        /// <summary>Open line left between a phantom pulse and the press (captures: a few ms).</summary>
        public const long PhantomGapUs = 3000;

        public const long SeatAtUs = 100000;
        public const long ContactOpensAtUs = 600000;
        public const long DetectOpensAtUs = 700000;
        public const long DropoutAtUs = 300000;

        /// <summary>A 6 ms bounce whose gaps reach 2.3 ms: pulse (start, end) offsets from the first edge.</summary>
        static readonly long[] s_gappy = new long[] { 300, 700, 3000, 3400, 5600, 6000 };
        static readonly long[] s_short = new long[] { 300, 500 };

        public long DropoutUs;
        public int Dropouts = 1;
        public long PhantomBeforeUs;
        public long PhantomAfterUs;
        public bool GappyDetect;
        public bool GappyContact;

        /// <summary>EMI spikes of 5..40 µs on both lines while the card is held, before any dropout.</summary>
        public int EmiSpikes;

        /// <summary>The card's edges, the press at t0; returns when its last edge is.</summary>
        public long AddTo(EdgeTable table, long t0)
        {
            if (PhantomBeforeUs > 0)
            {
                long start = t0 - PhantomGapUs - PhantomBeforeUs;
                table.Add(start, SlotLine.Detect, 1);
                table.Add(start + PhantomBeforeUs, SlotLine.Detect, 0);
            }
            Burst(table, SlotLine.Detect, 1, t0, GappyDetect ? s_gappy : s_short);
            Burst(table, SlotLine.Contact, 1, t0 + SeatAtUs, GappyContact ? s_gappy : s_short);
            for (int i = 0; i < EmiSpikes; i++)
            {
                long at = t0 + SeatAtUs + 50000 + i * 100000 / EmiSpikes;
                int line = i % 2 == 0 ? SlotLine.Detect : SlotLine.Contact;
                table.Add(at, line, 0);
                table.Add(at + 5 + 35 * i / EmiSpikes, line, 1);
            }
            for (int i = 0; i < Dropouts && DropoutUs > 0; i++)
            {
                long at = t0 + DropoutAtUs + i * 60000;
                table.Add(at, SlotLine.Detect, 0);
                table.Add(at + DropoutUs, SlotLine.Detect, 1);
            }
            table.Add(t0 + ContactOpensAtUs, SlotLine.Contact, 0);
            long last = Burst(table, SlotLine.Detect, 0, t0 + DetectOpensAtUs, GappyDetect ? s_gappy : s_short);
            if (PhantomAfterUs > 0)
            {
                long start = last + PhantomGapUs;
                table.Add(start, SlotLine.Detect, 1);
                last = start + PhantomAfterUs;
                table.Add(last, SlotLine.Detect, 0);
            }
            return last;
        }

        /// <summary>A burst settling at level: first edge at t, then pulses of the other level.</summary>
        static long Burst(EdgeTable table, int line, int level, long t, long[] pulses)
        {
            table.Add(t, line, level);
            for (int i = 0; i + 1 < pulses.Length; i += 2)
            {
                table.Add(t + pulses[i], line, 1 - level);
                table.Add(t + pulses[i + 1], line, level);
            }
            return t + pulses[pulses.Length - 1];
        }
    }
}
