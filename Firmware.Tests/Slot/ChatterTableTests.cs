using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Slot
{
    /// <summary>
    /// The chatter of worn switches from real captures, one card per row, on raw edges and as boards
    /// sampling at 625 Hz, 2 kHz and 10 kHz would see it, under every Advance schedule: one insertion
    /// per card, bounce figures that cover the whole burst, and reports within their latency bounds.
    /// </summary>
    [TestClass]
    public class ChatterTableTests
    {
        const long T0 = 1000000;

        /// <summary>0 is raw edges; the others are sample rates of recorded captures.</summary>
        static readonly long[] s_rates = new long[] { 0, 625, 2000, 10000 };

        /// <summary>Row i of the table: what the card does besides a clean press.</summary>
        static ChatterCard Row(int i)
        {
            ChatterCard c = new ChatterCard();
            switch (i)
            {
                case 0: c.DropoutUs = 2000; break;
                case 1: c.DropoutUs = 5000; break;
                case 2: c.DropoutUs = 12000; break;
                case 3: c.DropoutUs = 25000; break;
                case 4: c.DropoutUs = 25000; c.Dropouts = 3; break;
                case 5: c.PhantomBeforeUs = 2000; break;
                case 6: c.PhantomBeforeUs = 20000; break;
                case 7: c.PhantomAfterUs = 2000; break;
                case 8: c.PhantomAfterUs = 20000; break;
                case 9: c.GappyDetect = true; break;
                case 10: c.GappyContact = true; break;
                case 11: c.GappyDetect = true; c.GappyContact = true; c.DropoutUs = 12000; c.PhantomBeforeUs = 5000; c.PhantomAfterUs = 5000; break;
                default: return null;
            }
            return c;
        }

        static EdgeTable Build(ChatterCard card, long rateHz)
        {
            EdgeTable raw = new EdgeTable();
            card.AddTo(raw, T0);
            return rateHz == 0 ? raw : raw.Sampled(rateHz);
        }

        static string Name(int row, long rateHz)
        {
            string rate = rateHz == 0 ? "raw edges" : rateHz.ToString() + " Hz";
            return "row " + row.ToString() + " at " + rate + ": ";
        }

        [TestMethod]
        public void EachChatteringCardIsOneInsertion()
        {
            for (int row = 0; Row(row) != null; row++)
            {
                for (int k = 0; k < s_rates.Length; k++)
                {
                    EventRecorder r = CoreHarness.RunAll(Build(Row(row), s_rates[k]).ToArray());
                    string name = Name(row, s_rates[k]);
                    Assert.AreEqual(1, r.CountOf(EventCode.CardInserted), name + r.Describe());
                    Assert.AreEqual(1L, r.Removals, name + r.Describe());
                    Assert.IsTrue(r.Record(0).Seated, name + "seated");
                    Assert.AreEqual(0, r.CountOf(EventCode.LineNoise), name + "no line noise: " + r.Describe());
                    Assert.AreEqual(0, r.CountOf(EventCode.LineChatter), name + "no chatter: " + r.Describe());
                }
            }
        }

        [TestMethod]
        public void DropoutsUnderAHeldCardAreCountedOnItsRecord()
        {
            for (int row = 0; row <= 4; row++)
            {
                for (int k = 0; k < s_rates.Length; k++)
                {
                    ChatterCard card = Row(row);
                    InsertionRecord rec = CoreHarness.RunAll(Build(card, s_rates[k]).ToArray()).Record(0);
                    string name = Name(row, s_rates[k]);
                    long period = s_rates[k] == 0 ? 0 : Time.UsPerSecond / s_rates[k];
                    Assert.AreEqual(card.Dropouts, rec.DetectDropouts, name + "dropouts");
                    long open = card.Dropouts * card.DropoutUs;
                    Assert.IsTrue(rec.DetectDropoutUs >= open - card.Dropouts * period && rec.DetectDropoutUs <= open + card.Dropouts * period,
                        name + "dropout time " + rec.DetectDropoutUs.ToString());
                }
            }
        }

        [TestMethod]
        public void BounceFiguresCoverTheWholeGappyBurst()
        {
            for (int row = 9; row <= 11; row++)
            {
                for (int k = 0; k < s_rates.Length; k++)
                {
                    ChatterCard card = Row(row);
                    EdgeTable table = Build(card, s_rates[k]);
                    InsertionRecord rec = CoreHarness.RunAll(table.ToArray()).Record(0);
                    string name = Name(row, s_rates[k]);
                    long seat = T0 + ChatterCard.SeatAtUs;
                    Assert.AreEqual(EdgesIn(table, SlotLine.Contact, seat, seat + 10000), rec.ContactBounces, name + "contact bounces");
                    Assert.AreEqual(SpanIn(table, SlotLine.Contact, seat, seat + 10000), rec.ContactBounceSpanUs, name + "contact span");
                    if (card.GappyDetect && card.PhantomBeforeUs == 0)
                    {
                        Assert.AreEqual(EdgesIn(table, SlotLine.Detect, T0, T0 + 10000), rec.DetectBounces, name + "detect bounces");
                        Assert.AreEqual(SpanIn(table, SlotLine.Detect, T0, T0 + 10000), rec.DetectBounceSpanUs, name + "detect span");
                    }
                    if (card.GappyContact && (s_rates[k] == 0 || s_rates[k] == 10000))
                    {
                        Assert.AreEqual(6000L, rec.ContactBounceSpanUs, name + "the whole 6 ms bounce");
                    }
                }
            }
        }

        [TestMethod]
        public void TransitionsAreReportedWithinTheirLatencyBounds()
        {
            for (int row = 0; Row(row) != null; row++)
            {
                for (int k = 0; k < s_rates.Length; k++)
                {
                    EdgeTable table = Build(Row(row), s_rates[k]);
                    InsertionRecord rec = CoreHarness.Run(table.ToArray(), Schedule.OnTime).Record(0);
                    string name = Name(row, s_rates[k]);
                    long seat = T0 + ChatterCard.SeatAtUs;
                    long contactSettled = LastIn(table, SlotLine.Contact, seat, seat + 10000);
                    long detectSettled = LastIn(table, SlotLine.Detect, rec.InsertedUs, T0 + 10000);
                    long released = LastIn(table, SlotLine.Detect, T0 + ChatterCard.DetectOpensAtUs, long.MaxValue);
                    Assert.IsTrue(rec.SeatedReportedUs >= contactSettled && rec.SeatedReportedUs <= contactSettled + 10000, name + "seated reported " + (rec.SeatedReportedUs - contactSettled).ToString() + " us after settling");
                    Assert.IsTrue(rec.InsertedReportedUs >= rec.InsertedUs && rec.InsertedReportedUs <= detectSettled + 30000, name + "inserted reported " + (rec.InsertedReportedUs - detectSettled).ToString() + " us after settling");
                    Assert.IsTrue(rec.RemovedReportedUs >= released && rec.RemovedReportedUs <= released + 60000, name + "removed reported " + (rec.RemovedReportedUs - released).ToString() + " us after settling");
                }
            }
        }

        static int EdgesIn(EdgeTable t, int line, long fromUs, long toUs)
        {
            int n = 0;
            for (int i = 0; i < t.Count; i++)
            {
                if (t.LineAt(i) == line && t.TimeAt(i) >= fromUs && t.TimeAt(i) <= toUs)
                {
                    n++;
                }
            }
            return n;
        }

        static long SpanIn(EdgeTable t, int line, long fromUs, long toUs)
        {
            return LastIn(t, line, fromUs, toUs) - FirstIn(t, line, fromUs, toUs);
        }

        static long FirstIn(EdgeTable t, int line, long fromUs, long toUs)
        {
            for (int i = 0; i < t.Count; i++)
            {
                if (t.LineAt(i) == line && t.TimeAt(i) >= fromUs && t.TimeAt(i) <= toUs)
                {
                    return t.TimeAt(i);
                }
            }
            return -1;
        }

        static long LastIn(EdgeTable t, int line, long fromUs, long toUs)
        {
            long last = -1;
            for (int i = 0; i < t.Count; i++)
            {
                if (t.LineAt(i) == line && t.TimeAt(i) >= fromUs && t.TimeAt(i) <= toUs)
                {
                    last = t.TimeAt(i);
                }
            }
            return last;
        }
    }
}
