using PosSlot.Host.Diag;

namespace PosSlot.Host.Tests.Diag;

/// <summary>The ticket summary's forecast line reads as a technician expects.</summary>
[TestClass]
public sealed class DiagReportTextTests
{
    [TestMethod]
    [DataRow("Failed", "yes", "0", "0", "already Failed: replace the slot")]
    [DataRow("Degraded", "yes", "5200", "26", "Failed in about 5200 insertions (26 days at the recent pace)")]
    [DataRow("Watch", "yes", "5200", "-1", "Failed in about 5200 insertions")]
    [DataRow("Healthy", "no", "-1", "-1", "no clear wear trend yet")]
    public void TheForecastLineNeverSaysFailedInZeroInsertions(string health, string trend, string insertions, string days, string expected)
    {
        Assert.AreEqual(expected, DiagReport.Forecast(health, trend, insertions, days));
    }
}
