using System;
using System.Linq;
using PosSlot.Fleet.Dispatch;

namespace PosSlot.Fleet.Tests.Dispatch;

[TestClass]
public sealed class SeatDelayTrendTests
{
    const long Day = 86_400_000;

    static SeatDelayPoint[] Rising(int points, double fromUs, double usPerDay, double everyDays = 0.25) =>
        Enumerable.Range(0, points).Select(i => new SeatDelayPoint((long)(i * everyDays * Day), fromUs + usPerDay * i * everyDays)).ToArray();

    [TestMethod]
    public void ARisingSeatDelayReachesTheFailureLevelInTheDaysItsSlopeSays()
    {
        // 12 reports over 2.75 days, 10 ms a day: at 250 ms - 27.5 ms = 222.5 ms now, 77.5 ms to go: 7.75 days.
        var days = SeatDelayTrend.DaysToFailure(Rising(12, 195_000, 10_000), failureUs: 300_000);
        Assert.AreEqual(7.75, days!.Value, 1e-6);
    }

    [TestMethod]
    public void AFlatOrFallingSeatDelayForecastsNothing()
    {
        Assert.IsNull(SeatDelayTrend.DaysToFailure(Rising(12, 250_000, 0), failureUs: 300_000));
        Assert.IsNull(SeatDelayTrend.DaysToFailure(Rising(12, 250_000, -5_000), failureUs: 300_000));
    }

    /// <summary>
    /// Near its end a spring's mean seat delay stops rising (it counts only the cards that still seat, and fewer
    /// do): at Degraded, a line that no longer rises means the end, not "never".
    /// </summary>
    [TestMethod]
    public void ADegradedSpringWhoseSeatDelayStoppedRisingIsAtItsEnd()
    {
        Assert.AreEqual(0.0, SeatDelayTrend.DaysToFailure(Rising(12, 280_000, -2_000), degraded: true, failureUs: 300_000)!.Value);
        Assert.AreEqual(0.0, SeatDelayTrend.DaysToFailure(Rising(12, 280_000, 0), degraded: true, failureUs: 300_000)!.Value);
        Assert.IsNull(SeatDelayTrend.DaysToFailure(Rising(SeatDelayTrend.MinPoints - 1, 280_000, 0), degraded: true, failureUs: 300_000));
        Assert.AreEqual(7.75, SeatDelayTrend.DaysToFailure(Rising(12, 195_000, 10_000), degraded: true, failureUs: 300_000)!.Value, 1e-6);
    }

    [TestMethod]
    public void TooFewReportsInTheWindowForecastNothing()
    {
        Assert.IsNull(SeatDelayTrend.DaysToFailure(Rising(SeatDelayTrend.MinPoints - 1, 195_000, 10_000), failureUs: 300_000));
        // Reports older than the window do not count: only the last one is within it.
        var old = Rising(12, 195_000, 10_000, everyDays: SeatDelayTrend.Window.TotalDays);
        Assert.IsNull(SeatDelayTrend.DaysToFailure(old, failureUs: 300_000));
    }

    [TestMethod]
    public void ASeatDelayAlreadyPastTheLevelHasNoDaysLeft()
    {
        Assert.AreEqual(0.0, SeatDelayTrend.DaysToFailure(Rising(12, 310_000, 1_000), failureUs: 300_000)!.Value);
    }

    [TestMethod]
    [DataRow("Watch", "loose_spring", true)]
    [DataRow("Degraded", "loose_spring", true)]
    [DataRow("Healthy", "loose_spring", false)]
    [DataRow("Failed", "loose_spring", false)]   // already on the list as Failed
    [DataRow("Watch", "contact_wear", false)]     // the board's own wear forecast covers contact wear
    [DataRow("Degraded", "detect_switch", false)]
    public void OnlyASpringFaultAtWatchOrDegradedIsTrended(string health, string fault, bool trended)
    {
        Assert.AreEqual(trended, SeatDelayTrend.Applies(health, fault));
    }
}
