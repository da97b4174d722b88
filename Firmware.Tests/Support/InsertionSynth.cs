namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// Feeds synthetic insertions into a SlotFirmware as time-ordered edges, advancing the core at
    /// its deadlines like the board's one-shot timer. Jitter comes from SeededRandom, which
    /// draws the same sequence on nanoFramework and the desktop CLR, so a seed means one run on both.
    /// </summary>
    public static class InsertionSynth
    {
        /// <summary>Time between one card leaving and the next arriving.</summary>
        public const long GapUs = 2000000;

        public static long Feed(SlotFirmware fw, long t, InsertionShape s, SeededRandom rnd)
        {
            SlotCore core = fw.Core;
            if (!s.NoDetect)
            {
                Edge(core, 0, 1, t);
                Edge(core, 0, 0, t + 300);
                Edge(core, 0, 1, t + 500);
            }
            long seat = t + Jitter(s.SeatDelayUs, 0.25, rnd);
            if (s.NeverSeats)
            {
                long gone = t + 300000;
                Edge(core, 0, 0, gone);
                return Idle(core, Noise(core, gone, s) + GapUs);
            }
            long span = Jitter(s.ContactSpanUs, 0.2, rnd);
            Bounce(core, 1, 1, seat, span, s.ContactBounces);
            long at = seat + 60000;
            if (s.ReportReads)
            {
                for (int i = 0; i < s.FailedReads; i++)
                {
                    at += 20000;
                    Advance(core, at);
                    core.OnReadResult(false, at);
                }
                at += 20000;
                Advance(core, at);
                core.OnReadResult(true, at);
            }
            for (int i = 0; i < s.Interruptions; i++)
            {
                at += 30000;
                Edge(core, 1, 0, at);
                Edge(core, 1, 1, at + 300);
            }
            long open = seat + s.SeatedForUs;
            if (open < at + 10000)
            {
                open = at + 10000;
            }
            Edge(core, 1, 0, open);
            long gone2 = open + 40000;
            if (!s.NoDetect)
            {
                Bounce(core, 0, 0, gone2, 600, 3);
            }
            return Idle(core, Noise(core, gone2 + 20000, s) + GapUs);
        }

        /// <summary>The board's timer fires through the idle gap, so the card's removal settles.</summary>
        static long Idle(SlotCore core, long until)
        {
            Advance(core, until);
            return until;
        }

        static long Noise(SlotCore core, long t, InsertionShape s)
        {
            for (int i = 0; i < s.DetectNoiseAfter; i++)
            {
                t += 100000;
                Edge(core, 0, 1, t);
                Edge(core, 0, 0, t + 200);
            }
            return t;
        }

        /// <summary>A bounce train from t to t + spanUs with about `edges` edges, ending at `level`.</summary>
        static void Bounce(SlotCore core, int line, int level, long t, long spanUs, int edges)
        {
            int pulses = (edges - 1) / 2;
            long minPulses = spanUs / 1500 + 1;
            if (pulses < minPulses)
            {
                pulses = (int)minPulses;
            }
            Edge(core, line, level, t);
            for (int j = 1; j <= pulses; j++)
            {
                long back = t + spanUs * j / pulses;
                Edge(core, line, 1 - level, back - 150);
                Edge(core, line, level, back);
            }
        }

        static long Jitter(long value, double fraction, SeededRandom rnd)
        {
            return value + (long)(value * fraction * (2 * rnd.NextDouble() - 1));
        }

        static void Edge(SlotCore core, int line, int level, long t)
        {
            Advance(core, t);
            core.OnEdge(line, level, t);
        }

        static void Advance(SlotCore core, long t)
        {
            while (core.NextDeadlineUs <= t)
            {
                core.Advance(core.NextDeadlineUs);
            }
        }

        /// <summary>Feeds n insertions of one shape.</summary>
        public static long FeedMany(SlotFirmware fw, long t, InsertionShape s, SeededRandom rnd, int n)
        {
            for (int i = 0; i < n; i++)
            {
                t = Feed(fw, t, s, rnd);
                HeapProbe.Checkpoint(null);
            }
            return t;
        }
    }
}
