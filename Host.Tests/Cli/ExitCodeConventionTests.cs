using PosSlot.Emulator.Reporting;
using System.IO;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>Issue 11 cases 6, 7, 12 and the help exits: one exit-code convention, one-line usage errors, no .NET type names.</summary>
[TestClass]
public class ExitCodeConventionTests
{
    [TestMethod]
    [DataRow("emulate", "--insertions", "abc")]
    [DataRow("emulate", "--insertions", "99999999999")]
    [DataRow("emulate", "--seed", "x")]
    [DataRow("emulate", "--no-such-option")]
    [DataRow("emulate", "--insertions")]
    [DataRow("emulate", "extra")]
    [DataRow("replay")]
    [DataRow("frobnicate")]
    public void Case6_CommandLineMistakeIsOneLineExit2WithoutHelpOrTypeNames(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        Assert.AreEqual("", run.Output, "no help dumped unless asked");
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, "one line: " + run.Error);
        StringAssert.DoesNotMatch(run.Error, new System.Text.RegularExpressions.Regex(@"System\.|Nullable|`1|Int32"));
    }

    [TestMethod]
    public void Case6_MessageNamesTheOption()
    {
        StringAssert.Contains(CliRun.Of("emulate", "--insertions", "abc").Error, "--insertions");
        StringAssert.Contains(CliRun.Of("emulate", "--seed", "x").Error, "--seed");
    }

    [TestMethod]
    [DataRow]
    [DataRow("help")]
    [DataRow("--help")]
    public void AlsoSeen_HelpOnRequestExits0(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "emulate");
        StringAssert.Contains(run.Output, "70");
    }

    [TestMethod]
    public void Case7_UnwritableReportFailsBeforeTheRunWithExit3()
    {
        var run = CliRun.Of("emulate", "--report", "/nonexistent-folder/life.png");
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Error);
        Assert.AreEqual("", run.Output, "nothing printed as if the run had happened");
        StringAssert.Contains(run.Error, "--report");
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
    }

    [TestMethod]
    public void Case12_FolderGivenAsTraceOrScenarioSaysSo()
    {
        var folder = Path.GetTempPath();
        var replay = CliRun.Of("replay", folder);
        Assert.AreEqual(ExitCodes.BadInput, replay.ExitCode);
        StringAssert.Contains(replay.Error, "is a folder");
        var emulate = CliRun.Of("emulate", "--scenario", folder);
        Assert.AreEqual(ExitCodes.BadInput, emulate.ExitCode);
        StringAssert.Contains(emulate.Error, "is a folder");
    }

    [TestMethod]
    public void QuoteKeepsAtMost80CharsAndEscapesControlBytes()
    {
        var q = Quote.Of(new string('a', 1000) + "\u0001");
        Assert.IsTrue(q.Length <= Quote.MaxChars + 5, q);
        Assert.AreEqual("'a\\x1bb'", Quote.Of("a\u001bb"));
    }
}
