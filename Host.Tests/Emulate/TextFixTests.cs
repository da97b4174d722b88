using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Host.Emulation;
using PosSlot.Host.Reporting;
using PosSlot.Host.Tests.Support;
using ScottPlot;

namespace PosSlot.Host.Tests.Emulate;

/// <summary>Issue 19 item 19: the texts a user reads, where they were wrong or ugly.</summary>
[TestClass]
public class TextFixTests
{
    [TestMethod]
    public void TheStoreRowsDoNotWrapAndCountsAreSingularWhenOne()
    {
        var run = CliRun.Of("emulate", "--scenario", "fresh", "--insertions", "300");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        Assert.IsTrue(Regex.IsMatch(run.Output, @"\| [\d,]+ 4-KB blocks? erased, [\d,]+ snapshots? since the last boot +\|"), run.Output);
        Assert.IsFalse(run.Output.Contains(" 1 snapshots") || run.Output.Contains(" 1 4-KB blocks"), run.Output);
        Assert.IsFalse(Regex.IsMatch(run.Output, @"\| +4 +\|") || run.Output.Contains("KB blocks erased,\n"), "no cell wraps: " + run.Output);
    }

    [TestMethod]
    public void AReachedLevelReadsNowNotInNow()
    {
        var f = new PosSlot.Emulator.Reporting.ForecastSummary(true, 1.2, new(0, 0, 0), new(100, 250, 400), 300, new(0, 1, 2));
        var text = HealthText.Forecast(f);
        StringAssert.Contains(text, "Degraded now, Failed in ~250 insertions (100..400)");
        Assert.IsFalse(text.Contains("in now"), text);
        var failed = HealthText.Forecast(f with { ToFailed = new(0, 0, 0), DaysToFailed = new(0, 0, 0) });
        StringAssert.EndsWith(failed, "Degraded now, Failed now");
    }

    [TestMethod]
    public void OneFailedReadIsSingular()
    {
        Assert.AreEqual("1 failed read on this card", PosSlot.Firmware.Events.EventText.Describe(PosSlot.Firmware.Events.EventCode.ReadFailed, 1, 0));
        Assert.AreEqual("2 failed reads on this card", PosSlot.Firmware.Events.EventText.Describe(PosSlot.Firmware.Events.EventCode.ReadFailed, 2, 0));
    }

    [TestMethod]
    public void TheLegendsSitOutsideTheDataArea()
    {
        var result = EmulationRunner.Run(ScenarioCatalog.Find("fresh")!, 1, 300);
        var multiplot = LifeReportPng.Build(result);
        for (int i = 0; i < 4; i++)
        {
            var plot = multiplot.GetPlot(i);
            // The forecast panel of so short a run has no trend, hence no legend; the three measure panels have one each.
            Assert.IsTrue(i == 3 || plot.Axes.GetPanels().Any(p => p.GetType().Name.Contains("Legend")), $"panel {i}: its legend is a panel below the data, not inside it: " + string.Join(",", plot.Axes.GetPanels().Select(p => p.GetType().Name)) + " legend visible " + plot.Legend.IsVisible);
            Assert.AreEqual(multiplot.GetPlot(3).Axes.GetLimits().Left, plot.Axes.GetLimits().Left, $"panel {i}: the same insertion axis as the others");
            Assert.AreEqual(300.0, plot.Axes.GetLimits().Right, $"panel {i}: the axis ends at the last insertion");
        }
    }

    [TestMethod]
    public void FoldersAndPathsWithSpacesAreNamedAsSuch()
    {
        var keygen = CliRun.Of("keygen", "--serial", "PS-1", "--out", Path.GetTempPath());
        Assert.AreEqual(ExitCodes.BadInput, keygen.ExitCode);
        StringAssert.Contains(keygen.Error, "is a folder");
        Assert.IsFalse(keygen.Error.Contains("Access"), keygen.Error);
        var keyFile = CliRun.Of("diag", "--port", "/dev/null", "--key-file", Path.GetTempPath(), "log", "clear");
        Assert.IsFalse(keyFile.Error.Contains("no such file"), keyFile.Error);
        var emulate = CliRun.Of("emulate", "--console", "stdio", "--key-file", Path.GetTempPath());
        Assert.AreEqual(ExitCodes.BadInput, emulate.ExitCode);
        StringAssert.Contains(emulate.Error, "is a folder, not a key file");
        var spaced = CliRun.Of("replay", "/tmp/no such dir/trace file.csv");
        Assert.AreEqual("posslot replay: '/tmp/no such dir/trace file.csv': no such file\n", spaced.Error);
    }
}
