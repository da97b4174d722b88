using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    [TestClass]
    public class RunningEstimateTests
    {
        [TestMethod]
        public void TracksMeanAndNinetiethPercentileOfASteadyStream()
        {
            RunningEstimate e = new RunningEstimate(1.0 / 64);
            e.Start(0, 0);
            SeededRandom rnd = new SeededRandom(3);
            for (int i = 0; i < 20000; i++)
            {
                e.Add(1000 + 2000 * rnd.NextDouble()); // uniform 1000..3000: mean 2000, P90 2800
            }
            Assert.IsTrue(e.Mean > 1850 && e.Mean < 2150, "mean " + e.Mean.ToString());
            Assert.IsTrue(e.P90 > 2650 && e.P90 < 2950, "p90 " + e.P90.ToString());
        }

        [TestMethod]
        public void FollowsAStepWithinAFewTimeConstants()
        {
            RunningEstimate e = new RunningEstimate(1.0 / 16);
            e.Start(2000, 2000);
            for (int i = 0; i < 48; i++)
            {
                e.Add(5000);
            }
            Assert.IsTrue(e.Mean > 4800, "mean " + e.Mean.ToString());
        }
    }
}
