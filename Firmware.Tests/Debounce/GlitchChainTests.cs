using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Debounce
{
    /// <summary>
    /// Runs of pulses shorter than the glitch filter (60 us) just before a detect burst, one card per
    /// row, on raw edges and as boards sampling at 625 Hz, 2 kHz and 10 kHz see them, under every
    /// Advance schedule. A run whose pulses are each within the glitch join (1 ms) of the next, and
    /// whose last is within it of the burst, belongs to the burst: the transition is stamped at the
    /// run's first edge. Farther out the pulses are EMI and the burst keeps its own first edge.
    /// </summary>
    [TestClass]
    public class GlitchChainTests
    {
        const long T0 = 1000000;
        const long SeatAtUs = 100000;
        const long ContactOpensAtUs = 600000;
        const long DetectOpensAtUs = 700000;
        const long PulseUs = 60;

        static readonly long[] s_rates = new long[] { 0, 625, 2000, 10000 };

        /// <summary>
        /// Row i: where the run is (true: before the removal burst, false: before the insertion
        /// burst), then its pulses' starts in us before the burst's first edge, earliest first.
        /// </summary>
        static long[] Pulses(int row)
        {
            switch (row)
            {
                case 0: return new long[] { 2400, 1600, 800 };                 // the case: three pulses, 800 us apart
                case 1: return new long[] { 2400, 1600, 800 };
                case 2: return new long[] { 4500, 3600, 2700, 1800, 900 };
                case 3: return new long[] { 500 };                             // one pulse: the join as it was
                case 4: return new long[] { 3100, 2300, 1500 };                // last pulse farther than 1 ms: EMI
                case 5: return new long[] { 5000, 2400, 1600, 800 };           // a 2.6 ms gap ends the run
                case 6: return new long[] { 8000, 7200, 6400, 5600, 4800, 4000, 3200, 2400, 1600, 800 }; // a run of 7.2 ms, the burst 8 ms after its first pulse
                default: return null;
            }
        }

        static bool AtRemoval(int row)
        {
            return row != 1;
        }

        /// <summary>On raw edges, the stamp in us before the burst's first edge (0: the burst's own).</summary>
        static long StampBefore(int row)
        {
            switch (row)
            {
                case 0: return 2400;
                case 1: return 2400;
                case 2: return 4500;
                case 3: return 500;
                case 4: return 0;
                case 5: return 2400;
                default: return 8000;
            }
        }

        static long BurstUs(int row)
        {
            return T0 + (AtRemoval(row) ? DetectOpensAtUs : 0);
        }

        static EdgeTable Build(int row, long rateHz)
        {
            EdgeTable raw = new EdgeTable();
            long[] pulses = Pulses(row);
            if (!AtRemoval(row))
            {
                AddPulses(raw, T0, pulses, 1);
            }
            Burst(raw, T0, 1);
            Burst(raw, T0 + SeatAtUs, SlotLine.Contact, 1);
            raw.Add(T0 + ContactOpensAtUs, SlotLine.Contact, 0);
            if (AtRemoval(row))
            {
                AddPulses(raw, T0 + DetectOpensAtUs, pulses, 0);
            }
            Burst(raw, T0 + DetectOpensAtUs, 0);
            return rateHz == 0 ? raw : raw.Sampled(rateHz);
        }

        /// <summary>Pulses to level, each PulseUs long, before a detect burst at burstUs.</summary>
        static void AddPulses(EdgeTable table, long burstUs, long[] before, int level)
        {
            for (int i = 0; i < before.Length; i++)
            {
                table.Add(burstUs - before[i], SlotLine.Detect, level);
                table.Add(burstUs - before[i] + PulseUs, SlotLine.Detect, 1 - level);
            }
        }

        static void Burst(EdgeTable table, long t, int level)
        {
            Burst(table, t, SlotLine.Detect, level);
        }

        /// <summary>A short bounce settling at level: 300 us, 200 us of the other level, then level.</summary>
        static void Burst(EdgeTable table, long t, int line, int level)
        {
            table.Add(t, line, level);
            table.Add(t + 300, line, 1 - level);
            table.Add(t + 500, line, level);
        }

        /// <summary>The first detect edge the board sees within 10 ms before the burst or at it.</summary>
        static long FirstDetectEdge(EdgeTable table, long burstUs)
        {
            for (int i = 0; i < table.Count; i++)
            {
                if (table.LineAt(i) == SlotLine.Detect && table.TimeAt(i) >= burstUs - 10000)
                {
                    return table.TimeAt(i);
                }
            }
            return -1;
        }

        static string Name(int row, long rateHz)
        {
            string rate = rateHz == 0 ? "raw edges" : rateHz.ToString() + " Hz";
            return "row " + row.ToString() + " at " + rate + ": ";
        }

        [TestMethod]
        public void ARunOfGlitchesThatEndsInABurstIsStampedAtItsFirstEdge()
        {
            for (int row = 0; Pulses(row) != null; row++)
            {
                for (int k = 0; k < s_rates.Length; k++)
                {
                    EdgeTable table = Build(row, s_rates[k]);
                    EventRecorder r = CoreHarness.RunAll(table.ToArray());
                    string name = Name(row, s_rates[k]);
                    Assert.AreEqual(1, r.CountOf(EventCode.CardInserted), name + r.Describe());
                    Assert.AreEqual(1L, r.Removals, name + r.Describe());
                    Assert.AreEqual(0, r.CountOf(EventCode.LineNoise), name + "no line noise: " + r.Describe());
                    InsertionRecord rec = r.Record(0);
                    long burst = BurstUs(row);
                    // Sampled, a pulse is either missed or a whole sample long (no glitch): the first edge seen.
                    long expected = s_rates[k] == 0 ? burst - StampBefore(row) : FirstDetectEdge(table, burst);
                    long actual = AtRemoval(row) ? rec.RemovedUs : rec.InsertedUs;
                    Assert.AreEqual(expected, actual, name + "stamped " + (burst - actual).ToString() + " us before the burst");
                }
            }
        }

        [TestMethod]
        public void ARunsGlitchesCountAsTheBurstsBounces()
        {
            // Row 1 (before the insertion) on raw edges: three glitches of two edges each, then the burst's three.
            InsertionRecord rec = CoreHarness.RunAll(Build(1, 0).ToArray()).Record(0);
            Assert.AreEqual(9, rec.DetectBounces);
            Assert.AreEqual(2400L + 500L, rec.DetectBounceSpanUs);
        }

        [TestMethod]
        public void AnEndlessRunOfGlitchesNeverHoldsTheOtherLineBack()
        {
            // EMI every 500 us on detect for 110 ms around the card seating: the contact's report may
            // not wait for the run to end, or a noisy line would hold the other's events forever.
            EdgeTable table = new EdgeTable();
            Burst(table, T0, 1);
            long seat = T0 + SeatAtUs;
            long emi = seat - 9750;
            bool seated = false;
            while (emi < seat + 100000)
            {
                if (!seated && emi > seat)
                {
                    table.Add(seat, SlotLine.Contact, 1);
                    seated = true;
                }
                table.Add(emi, SlotLine.Detect, 0);
                table.Add(emi + 40, SlotLine.Detect, 1);
                emi += 500;
            }
            table.Add(T0 + ContactOpensAtUs, SlotLine.Contact, 0);
            Burst(table, T0 + DetectOpensAtUs, 0);
            InsertionRecord rec = CoreHarness.Run(table.ToArray(), Schedule.OnTime).Record(0);
            long contactSettled = seat;
            Assert.AreEqual(seat, rec.SeatedUs);
            Assert.IsTrue(rec.SeatedReportedUs <= contactSettled + 10000, "seated reported " + (rec.SeatedReportedUs - contactSettled).ToString() + " us after settling");
        }
    }
}
