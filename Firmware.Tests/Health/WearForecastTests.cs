using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    /// <summary>
    /// The wear forecast on slots that follow the connector model at known speeds: the failure it
    /// forecasts brackets the model's, it scales with the wear speed, and a flat slot has no trend.
    /// </summary>
    [TestClass]
    public class WearForecastTests
    {
        const long CardEveryUs = Time.UsPerDay / 300;

        /// <summary>Feeds cards 1..upTo of a slot reaching rated wear at `life` cards; spans spread +-20 %.</summary>
        static WearForecast Feed(HealthSettings s, long life, long upTo, int seed)
        {
            WearForecast f = new WearForecast(s);
            SeededRandom rnd = new SeededRandom(seed);
            for (long n = 1; n <= upTo; n++)
            {
                double u = (double)n / life;
                double mean = 2000 * (1 + (s.ForecastBounceEndRatio - 1) * System.Math.Pow(u, 1.5));
                f.Add(n, n * CardEveryUs, mean * (1 + 0.4 * (rnd.NextDouble() - 0.5)));
            }
            return f;
        }

        [TestMethod]
        public void FailureForecastBracketsTheModelSlotsFailure()
        {
            HealthSettings s = new HealthSettings();
            long[] lives = new long[] { 8000, 20000, 50000 };
            for (int i = 0; i < lives.Length; i++)
            {
                long life = lives[i];
                long now = life * 3 / 4;
                WearForecast f = Feed(s, life, now, i + 1);
                Assert.IsTrue(f.HasTrend, "a trend at 75 % of a " + life.ToString() + "-card life");
                long failsAt = (long)(life * (s.ForecastFailLow + s.ForecastFailHigh) / 2);
                long from = f.AtInsertion;
                Assert.IsTrue(from + f.FailedInLow <= failsAt && failsAt <= from + f.FailedInHigh,
                    "life " + life.ToString() + ": fails at " + failsAt.ToString() + ", forecast " + (from + f.FailedInLow).ToString() + ".." + (from + f.FailedInHigh).ToString());
                Assert.IsTrue(f.FailedInHigh - f.FailedInLow <= 0.3 * (failsAt - now), "range within 30 % of the remaining life");
                Assert.IsTrue(f.DegradedIn < f.FailedIn, "Degraded comes before Failed");
            }
        }

        [TestMethod]
        public void DaysComeFromThePaceOfInsertions()
        {
            WearForecast f = Feed(new HealthSettings(), 20000, 15000, 4);
            Assert.IsTrue(f.PerDay > 299 && f.PerDay < 301, "pace " + f.PerDay.ToString());
            Assert.AreEqual((long)(f.FailedIn / f.PerDay + 0.5), f.Days(f.FailedIn));
        }

        [TestMethod]
        public void AFlatSlotHasNoTrendYet()
        {
            HealthSettings s = new HealthSettings();
            WearForecast f = new WearForecast(s);
            SeededRandom rnd = new SeededRandom(9);
            for (long n = 1; n <= 20000; n++)
            {
                f.Add(n, n * CardEveryUs, 2000 * (1 + 0.4 * (rnd.NextDouble() - 0.5)));
            }
            Assert.IsFalse(f.HasTrend);
            Assert.AreEqual(WearForecast.Unknown, f.FailedIn);
            Assert.AreEqual(WearForecast.Unknown, f.Days(f.FailedIn));
        }

        [TestMethod]
        public void ANewSlotStartsTheTrendAgain()
        {
            WearForecast f = Feed(new HealthSettings(), 8000, 6000, 5);
            Assert.IsTrue(f.HasTrend);
            f.Clear();
            Assert.IsFalse(f.HasTrend);
            Assert.AreEqual(WearForecast.Unknown, f.FailedIn);
        }
    }
}
