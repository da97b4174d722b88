using PosSlot.Emulator.Physics;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Host.Tests.Emulator;

[TestClass]
public class WearCurveTests
{
    [TestMethod]
    [DataRow(0.0)]
    [DataRow(1.0)]
    [DataRow(1.5)]
    [DataRow(20.0)]
    public void SeatDelayStaysAHumanMovementAtAnyAge(double lifeFraction)
    {
        foreach (var scenario in ScenarioCatalog.All)
        {
            var wear = new WearCurve(scenario.Wear, scenario.RatedCycles);
            double slowest = scenario.Users.SeatDelayMaxUs * wear.SeatDelayFactor(lifeFraction);
            Assert.IsTrue(slowest < 1_000_000, $"{scenario.Name}: {slowest / 1000:0} ms to seat at life {lifeFraction}");
        }
    }

    [TestMethod]
    public void WornContactBouncesLongerAndStopsSeating()
    {
        var wear = new WearCurve(new WearModel(), 50_000);
        Assert.AreEqual(2000, wear.BounceSpanUs(0), 1);
        Assert.AreEqual(5000, wear.BounceSpanUs(1), 1);
        Assert.AreEqual(0, wear.NeverSeats(0.5));
        Assert.IsTrue(wear.NeverSeats(1.2) >= 0.79);
        Assert.AreEqual(0.5, wear.LifeFraction(25_000), 1e-9);
    }
}
