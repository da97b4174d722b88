using System.IO;
using PosSlot.Emulator.Scenarios;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;
using SkiaSharp;

namespace PosSlot.Host.Tests.Emulate;

[TestClass]
public class EmulateCommandTests
{
    [TestMethod]
    public void ListNamesEveryBuiltInScenarioAndTheDefault()
    {
        var run = CliRun.Of("emulate", "--list");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode);
        foreach (var s in ScenarioCatalog.All)
        {
            StringAssert.Contains(run.Output, s.Name + " ");
        }
        StringAssert.Contains(run.Output, "(default)");
        Assert.AreEqual(8, ScenarioCatalog.All.Count);
    }

    [TestMethod]
    [DataRow(new[] { "--scenario", "no-such-thing" }, "no-such-thing: no such file, and no built-in scenario of that name")]
    [DataRow(new[] { "--insertions", "0" }, "--insertions 0 must be 1..100000000")]
    [DataRow(new[] { "--report", "life.jpg" }, "the report is a PNG")]
    public void BadOptionsAreOneClearError(string[] args, string expected)
    {
        var run = CliRun.Of(["emulate", .. args]);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Error, expected);
        Assert.AreEqual("", run.Output);
    }

    [TestMethod]
    [DataRow("{ \"insertions\": 10, \"colour\": \"red\" }", "colour")]
    [DataRow("{ \"insertions\": 10, \"users\": { \"half_insert\": 1.5 } }", "users.half_insert must be a probability")]
    [DataRow("{ \"insertions\": -1 }", "insertions must be positive")]
    [DataRow("{ \"detect_fault\": { \"mode\": \"melted\" } }", "detect_fault.mode 'melted' must be stuck, open or chatter")]
    [DataRow("{ \"expect_flag\": \"gremlins\" }", "expect_flag 'gremlins' must be one of")]
    [DataRow("{ \"insertions\": ", "not valid JSON")]
    public void BadScenarioFileIsOneClearError(string content, string expected)
    {
        using var file = TempFile.With(content);
        var run = CliRun.Of("emulate", "--scenario", file.Path, "--json");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Error, file.Path);
        StringAssert.Contains(run.Error, expected);
        Assert.AreEqual("", run.Output);
    }

    [TestMethod]
    public void FirmwareThatMissesCardsItCouldSenseIsAMismatch()
    {
        // No valid scenario makes the firmware miss a card it could sense (that is the point), so the
        // verdict is checked on a real run's result with three sensed cards taken away.
        var run = PosSlot.Emulator.Running.EmulationRunner.Run(PosSlot.Emulator.Scenarios.ScenarioCatalog.Find("fresh")!, 1, 200);
        Assert.IsTrue(run.CountsAsExpected);
        var missed = run with { FirmwareInsertions = run.FirmwareInsertions - 3 };
        Assert.IsFalse(missed.CountsAsExpected);
        var text = new StringWriter();
        PosSlot.Host.Emulation.EmulateText.Write(missed, text, PosSlot.Host.Emulation.Expectation.Of(missed, 200));
        StringAssert.Contains(text.ToString(), "MISMATCH");
        Assert.IsFalse((run with { FirmwareInsertions = run.FirmwareInsertions + 1 }).CountsAsExpected, "an extra card is a mismatch too");
    }

    [TestMethod]
    public void HalfInsertedCardsUnderAStuckDetectSwitchAreNotCountableNotAMismatch()
    {
        using var file = TempFile.With("""{ "insertions": 400, "users": { "half_insert": 0.3 }, "detect_fault": { "mode": "stuck", "onset": 100 } }""");
        var run = CliRun.Of("emulate", "--scenario", file.Path);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "touched neither line");
        StringAssert.Contains(run.Output, "(match)");
    }

    [TestMethod]
    public void ReportIsAPngWithTheCurvesDrawn()
    {
        var path = Path.Combine(Path.GetTempPath(), "posslot-life-" + System.Guid.NewGuid().ToString("N") + ".png");
        try
        {
            var run = CliRun.Of("emulate", "--scenario", "worn-spring", "--report", path);
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
            StringAssert.Contains(run.Output, "Life report: " + path);
            using var bitmap = SKBitmap.Decode(path);
            Assert.IsNotNull(bitmap, "the file decodes as an image");
            Assert.AreEqual(1200, bitmap.Width);
            Assert.AreEqual(1400, bitmap.Height);
            // Each curve has its own colour: count pixels of the bounce (steel blue) and seat delay (dark orange) lines.
            Assert.IsTrue(Count(bitmap, new SKColor(70, 130, 180)) > 500, "bounce span curve drawn");
            Assert.IsTrue(Count(bitmap, new SKColor(255, 140, 0)) > 500, "seat delay curve drawn");
            Assert.IsTrue(Count(bitmap, new SKColor(255, 0, 0)) > 200, "fallback marked");
        }
        finally
        {
            File.Delete(path);
        }
    }

    static int Count(SKBitmap bitmap, SKColor colour)
    {
        int n = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (System.Math.Abs(p.Red - colour.Red) < 12 && System.Math.Abs(p.Green - colour.Green) < 12 && System.Math.Abs(p.Blue - colour.Blue) < 12)
                {
                    n++;
                }
            }
        }
        return n;
    }
}
