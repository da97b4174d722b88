using PosSlot.Host.Traces;
using System.Linq;
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
    [DataRow("/dev/zero")]
    [DataRow("/dev/urandom")]
    public void Case11_EndlessInputStopsWithOneLine(string device)
    {
        if (!File.Exists(device))
        {
            Assert.Inconclusive("needs " + device);
        }
        var run = CliRun.Of("replay", device);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        Assert.AreEqual("", run.Output);
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
        StringAssert.Contains(run.Error, device + ": not a regular file");
    }

    [TestMethod]
    public void Case11_ALongTraceStreamsItsRecordsAndKeepsABoundedEventList()
    {
        // 3,000 cards, each with a detect glitch burst that the firmware logs as noise: more events than are kept.
        var text = new System.Text.StringBuilder("t_us,line,level\n");
        long t = 1_000_000;
        for (int card = 0; card < 3000; card++)
        {
            for (int k = 0; k < 6; k++)
            {
                text.Append(t + k * 400).Append(",contact,").Append(1 - k % 2).Append('\n');
                text.Append(t + k * 400 + 200).Append(",contact,").Append(k % 2).Append('\n');
            }
            text.Append(t + 10_000).Append(",detect,1\n");
            text.Append(t + 60_000).Append(",contact,1\n");
            text.Append(t + 400_000).Append(",contact,0\n");
            text.Append(t + 450_000).Append(",detect,0\n");
            t += 2_000_000;
        }
        using var file = TempFile.With(text.ToString());
        var run = CliRun.Of("replay", file.Path, "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var json = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        Assert.AreEqual(3000, json.GetProperty("records").GetArrayLength());
        Assert.AreEqual(3000L, json.GetProperty("insertions").GetInt64());
        long kept = json.GetProperty("events").GetArrayLength();
        long notKept = json.GetProperty("events_not_kept").GetInt64();
        Assert.IsTrue(kept <= PosSlot.Host.Replay.ReplayCollector.MaxEvents, "kept " + kept);
        Assert.IsTrue(kept < PosSlot.Host.Replay.ReplayCollector.MaxEvents || notKept > 0);
        var plain = CliRun.Of("replay", file.Path);
        Assert.AreEqual(3000, plain.Output.Split('\n').Count(l => l.StartsWith('#')));
    }

    [TestMethod]
    [DataRow(1L)]
    [DataRow(1_000_000L)]
    public void Case1_ASampleTraceLongerThanTheTimeRangeIsRefusedNotWrapped(long rate)
    {
        long last = TraceReader.MaxTimeUs / 1_000_000 * rate;
        Assert.IsTrue(TraceReader.SampleTime(last, rate, "t.csv", 9) <= TraceReader.MaxTimeUs);
        var e = Assert.ThrowsExactly<TraceFormatException>(() => TraceReader.SampleTime(last + 1, rate, "t.csv", 9));
        StringAssert.Contains(e.Message, "t.csv:9: sample");
        StringAssert.Contains(e.Message, "beyond the maximum time");
    }
}
