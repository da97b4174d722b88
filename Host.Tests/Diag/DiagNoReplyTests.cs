using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>
/// How `posslot diag` names a port that does not answer, judged by what arrived (a socat pty whose
/// other end is a small shell peer): bytes that are not frames are exit 5, silence or only the
/// board's greeting is exit 3.
/// </summary>
[TestClass]
public class DiagNoReplyTests
{
    static CliRun Hello(string peer) => Tools.WithSocatPort("board", peer, port => CliRun.Of("diag", "--port", port, "hello", "--timeout", "0.3"));

    [TestMethod]
    public void ABoardFrozenAfterItsBannerIsNoReplyAndSaysItPrintedItsBanner()
    {
        // The board greets when the line comes alive, prints its prompt, and never answers again.
        var run = Hello("SYSTEM:'head -c 1 >/dev/null; printf \"\\r\\nPosSlot diagnostics console (diag/1). Type help.\\r\\nposslot> \"; cat >/dev/null'");
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "no reply after 3 tries");
        StringAssert.Contains(run.Error, "printed its console banner");
    }

    [TestMethod]
    public void GarbageWithoutLineEndsIsNotConsoleFrames()
    {
        // Each request is answered with noise and never a line end (a wrong baud rate looks like this).
        // (The peer ends at end of input: a loop that only writes would outlive socat.)
        var run = Hello("SYSTEM:'while read -r l; do printf \"~#@!~#@!~#@!~#@!~#@!\"; done'");
        Assert.AreEqual(ExitCodes.DeviceGarbage, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "not console frames");
    }

    [TestMethod]
    public void AFewBytesOfLineNoiseAreStillNoReply()
    {
        // A couple of stray bytes (a cable plugged in) are not enough to call the port something else.
        var run = Hello("SYSTEM:'head -c 1 >/dev/null; printf \"~#\"; cat >/dev/null'");
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "no reply after 3 tries");
    }
}
