using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Tests.Health
{
    /// <summary>Thresholds 10 / 20 / 40, clearing at 80% of the threshold held.</summary>
    [TestClass]
    public class LevelRuleTests
    {
        [TestMethod]
        [DataRow(0, 5.0, 0)]
        [DataRow(0, 10.0, 1)]
        [DataRow(0, 25.0, 2)]
        [DataRow(0, 40.0, 3)]
        [DataRow(1, 9.0, 1)]
        [DataRow(1, 7.9, 0)]
        [DataRow(2, 17.0, 2)]
        [DataRow(2, 15.0, 1)]
        [DataRow(3, 33.0, 3)]
        [DataRow(3, 31.0, 2)]
        [DataRow(3, 1.0, 0)]
        public void RisesAtTheThresholdAndFallsBelowEightyPercentOfIt(int current, double value, int expected)
        {
            Assert.AreEqual(expected, LevelRule.Apply(current, value, 10, 20, 40, 0.8));
        }

        [TestMethod]
        public void NeverIsNeverReached()
        {
            Assert.AreEqual(HealthState.Degraded, LevelRule.Apply(0, 1e12, 10, 20, LevelRule.Never, 0.8));
        }
    }
}
