using System.IO;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>Issue 11 cases 1, 2, 10, 13: times beyond the documented range are one-line errors (exit 2), messages quote briefly.</summary>
[TestClass]
public class TraceInputLimitTests
{
    static CliRun Replay(string content)
    {
        using var file = TempFile.With(content);
        return CliRun.Of("replay", file.Path);
    }

    [TestMethod]
    public void Case1_SentinelTimeIsRejectedNotHung()
    {
        var run = Replay("t_us,line,level\n9223372036854775807,detect,1\n");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, ":2: t_us 9223372036854775807 is beyond the maximum");
    }

    [TestMethod]
    public void Case2_PulseNearTheSentinelIsRejectedNotMisread()
    {
        var run = Replay("t_us,line,level\n9223372036854775000,detect,1\n9223372036854775100,detect,0\n");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        Assert.AreEqual("", run.Output);
        StringAssert.Contains(run.Error, ":2: t_us 9223372036854775000 is beyond the maximum");
    }

    [TestMethod]
    public void Case13_TimeTooLargeFor64BitsSaysSo()
    {
        var run = Replay("t_us,line,level\n99999999999999999999999,detect,1\n");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "is too large");
    }

    [TestMethod]
    public void Case10_HugeOrBinaryLineIsQuotedShortAndEscaped()
    {
        var run = Replay(new string('x', 1_000_000) + "\u0007\u001b[31m\n");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        Assert.IsTrue(run.Error.Length < 300, "short: " + run.Error.Length);
        var binary = Replay("\u0001\u0002\u001b[2J\u0000zzz\n");
        Assert.AreEqual(ExitCodes.BadInput, binary.ExitCode);
        Assert.IsFalse(binary.Error.Contains('\u001b') || binary.Error.Contains('\u0000'), "control bytes escaped: " + binary.Error);
        StringAssert.Contains(binary.Error, "\\x1b");
    }

    [TestMethod]
    public void Case11_EndlessInputStopsWithOneLine()
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Inconclusive("needs /dev/zero");
        }
        var run = CliRun.Of("replay", "/dev/zero");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "/dev/zero:1: line longer than");
    }
}
