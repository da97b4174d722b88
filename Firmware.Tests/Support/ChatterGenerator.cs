namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// Seeded cards with the chatter of real worn switches: up to three detect dropouts of 2..25 ms,
    /// phantom pulses of 2..20 ms before or after the press, gappy 6 ms bounces, EMI spikes (on raw edges), seen on
    /// raw edges or sampled at 625 Hz, 2 kHz or 10 kHz, cards 2..30 s apart. Streams: one card at a time.
    /// </summary>
    public sealed class ChatterGenerator
    {
        static readonly long[] s_rates = new long[] { 0, 625, 2000, 10000 };

        readonly SeededRandom _rnd;
        long _t = 1000000;

        public ChatterGenerator(int seed)
        {
            _rnd = new SeededRandom(seed);
            HeapProbe.Root(this);
        }

        /// <summary>A worn slot's card: any mix of the chatter above.</summary>
        public ChatterCard NextWornCard()
        {
            ChatterCard c = new ChatterCard();
            c.Dropouts = _rnd.Next(4);
            c.DropoutUs = 2000 + _rnd.Next(23001);
            c.PhantomBeforeUs = _rnd.Next(5) == 0 ? 2000 + _rnd.Next(18001) : 0;
            c.PhantomAfterUs = _rnd.Next(5) == 0 ? 2000 + _rnd.Next(18001) : 0;
            c.GappyDetect = _rnd.Next(3) == 0;
            c.GappyContact = _rnd.Next(3) == 0;
            c.EmiSpikes = _rnd.Next(4);
            return c;
        }

        /// <summary>A healthy slot whose springs bounce long and gappy on every card, with EMI around.</summary>
        public ChatterCard NextHealthyGappyCard()
        {
            ChatterCard c = new ChatterCard();
            c.GappyDetect = true;
            c.GappyContact = true;
            c.EmiSpikes = _rnd.Next(4);
            return c;
        }

        /// <summary>The card's edges at the next press time, at a random capture rate.</summary>
        public EdgeTable Edges(ChatterCard card)
        {
            long rate = s_rates[_rnd.Next(s_rates.Length)];
            if (rate != 0)
            {
                // A spike of a few µs caught by one sample would be a whole sample long: EMI is
                // modelled on raw edges only, as the board's edge capture sees it.
                card.EmiSpikes = 0;
            }
            EdgeTable raw = new EdgeTable();
            long last = card.AddTo(raw, _t);
            _t = last + 2000000 + _rnd.Next(28000001);
            return rate == 0 ? raw : raw.Sampled(rate);
        }

        /// <summary>When the next card will be pressed (the last card's removal has settled by then).</summary>
        public long NextPressUs { get { return _t; } }
    }
}
