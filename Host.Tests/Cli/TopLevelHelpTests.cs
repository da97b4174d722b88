using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>Issue 19 item 21: the top-level help shows an optional argument as optional.</summary>
[TestClass]
public class TopLevelHelpTests
{
    [TestMethod]
    [DataRow]
    [DataRow("help")]
    [DataRow("--help")]
    public void BoardsFileIsShownAsOptionalAndReplayFileAsRequired(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "\n  boards [FILE]  List the reader boards");
        StringAssert.Contains(run.Output, "\n  replay <FILE>  Feed a recorded trace");
        Assert.IsFalse(run.Output.Contains("boards <FILE>"), run.Output);
    }
}
