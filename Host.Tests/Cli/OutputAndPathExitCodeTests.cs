using System;
using System.IO;
using PosSlot.Host.Tests.Support;
using PosSlot.Host.Traces;

namespace PosSlot.Host.Tests.Cli;

/// <summary>Issue 19 item 16: the exit-code convention where it broke: unreadable input, empty paths, unwritable output, a growing trace, error prefixes.</summary>
[TestClass]
public class OutputAndPathExitCodeTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [TestMethod]
    public void AnUnreadableScenarioIsAnIoFailureLikeReplay()
    {
        // /proc/self/mem opens as a regular file and fails on read (EIO), even for root.
        if (!File.Exists("/proc/self/mem"))
        {
            Assert.Inconclusive("needs /proc/self/mem");
        }
        var run = CliRun.Of("emulate", "--scenario", "/proc/self/mem");
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Error);
        StringAssert.StartsWith(run.Error, "posslot emulate: --scenario /proc/self/mem: cannot read the scenario file");
    }

    [TestMethod]
    [DataRow("keygen", "--serial", "PS-1", "--out", "")]
    [DataRow("diag", "--port", "/dev/null", "report", "--out", "")]
    [DataRow("emulate", "--report", "")]
    public void AnEmptyPathIsBadInput(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, ": the value is empty");
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
    }

    [TestMethod]
    [DataRow("emulate", "--scenario", "fresh", "--insertions", "20")]
    [DataRow("boards")]
    [DataRow("replay", "EXAMPLE")]
    public void OutputToAFullDeviceIsAnIoFailureThatBlamesTheOutput(params string[] args)
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Inconclusive("needs /dev/full");
        }
        var real = Array.ConvertAll(args, a => a == "EXAMPLE" ? RepoPaths.Example("three-insertions.edges.csv") : a);
        var run = CliProcess.RunTo("/dev/full", Bound, real);
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, $"posslot {args[0]}: cannot write output: No space left on device");
        Assert.IsFalse(run.Error.Contains("cannot read"), run.Error);
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
    }

    [TestMethod]
    public void ATraceThatGrowsWhileReadSaysSoNotNotARegularFile()
    {
        using var file = TempFile.With("t_us,line,level\n0,detect,1\n");
        using var trace = TraceReader.Open(file.Path, false);
        File.AppendAllText(file.Path, "100,detect,0\n200,detect,1\n");
        var e = Assert.ThrowsExactly<TraceFormatException>(() =>
        {
            foreach (var _ in trace.Edges())
            {
            }
        });
        StringAssert.Contains(e.Message, "changed while reading");
        Assert.IsFalse(e.Message.Contains("not a regular file"), e.Message);
    }

    [TestMethod]
    public void ErrorsNameTheCommandAsTypedAndEnumErrorsTakeOneLine()
    {
        var missing = CliRun.Of("diag", "status");
        Assert.AreEqual(ExitCodes.BadInput, missing.ExitCode);
        Assert.AreEqual("posslot diag status: Option '--port' is required (see posslot diag status --help)\n", missing.Error);
        var mode = CliRun.Of("diag", "--port", "/dev/null", "fallback", "force", "sideways");
        Assert.AreEqual(ExitCodes.BadInput, mode.ExitCode);
        Assert.AreEqual("posslot diag fallback force: 'sideways' is not one of on, off, auto (see posslot diag fallback force --help)\n", mode.Error);
    }
}
