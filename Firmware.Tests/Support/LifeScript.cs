namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// A slot's eventful life in N insertions, the same on every run: healthy, contacts wearing,
    /// going intermittent until the slot fails (fallback), a cleaning that repairs it, a spring that
    /// stops seating cards (fails again), a replacement, detect noise. Every kind of state the
    /// store keeps changes on the way, which is what the power-cut tests need.
    /// </summary>
    public sealed class LifeScript
    {
        readonly int _total;
        readonly SeededRandom _rnd;
        readonly InsertionShape _shape = new InsertionShape();
        long _t;

        public LifeScript(int total, int seed)
            : this(total, seed, 1000000)
        {
        }

        /// <summary>A life that starts at startUs (a second life on a board that has run one).</summary>
        public LifeScript(int total, int seed, long startUs)
        {
            _t = startUs;
            _total = total;
            _rnd = new SeededRandom(seed);
            HeapProbe.Root(this);
        }

        public int Total { get { return _total; } }
        public long T { get { return _t; } }

        /// <summary>Feeds insertion n (1-based) and any maintenance due after it.</summary>
        public void Step(SlotFirmware fw, int n)
        {
            Shape(n);
            _t = InsertionSynth.Feed(fw, _t, _shape, _rnd);
            if (n == At(0.60))
            {
                fw.SlotCleaned(_t);
            }
            if (n == At(0.85))
            {
                fw.SlotReplaced(_t);
            }
        }

        int At(double share)
        {
            return (int)(_total * share);
        }

        void Shape(int n)
        {
            InsertionShape s = _shape;
            s.ContactSpanUs = 2000;
            s.ContactBounces = 5;
            s.NeverSeats = false;
            s.Interruptions = 0;
            s.DetectNoiseAfter = 0;
            // Every card reports its reads; one in 40 needs a second try (2.5 %: under the read-failure Watch level).
            s.ReportReads = true;
            s.FailedReads = n % 40 == 0 ? 1 : 0;
            if (n > At(0.30) && n <= At(0.50))
            {
                // Contacts wear: the bounce grows to 2.5x.
                s.ContactSpanUs = 2000 + 3000L * (n - At(0.30)) / (At(0.50) - At(0.30));
                s.ContactBounces = 5 + 6 * (n - At(0.30)) / (At(0.50) - At(0.30));
            }
            else if (n > At(0.50) && n <= At(0.60))
            {
                s.Interruptions = _rnd.Next(3) == 0 ? 1 : 0;
            }
            else if (n > At(0.70) && n <= At(0.85))
            {
                s.NeverSeats = _rnd.Next(2) == 0;
            }
            else if (n > At(0.90) && n % 50 == 0)
            {
                s.DetectNoiseAfter = 3;
            }
        }
    }
}
