using System.IO;
using System.Linq;
using System.Text.Json;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>
/// `posslot diag events` through the real command line: its options checked before the board is
/// asked, paging with --all and the routine counts (against a stand-in board speaking the milestone
/// history over a socat pty), and ports that are not serial ports or close under a request.
/// </summary>
[TestClass]
public class DiagEventsTests
{
    static string StandIn => "SYSTEM:'python3 -u " + Path.Combine(RepoPaths.Root, "Host.Tests", "Peers", "milestone_board.py") + "'";

    static CliRun Events(string port, params string[] more) => CliRun.Of(["diag", "--port", port, "events", .. more]);

    [TestMethod]
    [DataRow("0")]
    [DataRow("-5")]
    [DataRow("33")]
    [DataRow("1000")]
    [DataRow("99999999999")]
    public void ALimitOutsideOneToThirtyTwoIsOneLineNamingTheRange(string limit)
    {
        var run = Events("/dev/ttyNOSUCH9", "--limit", limit);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "1..32");
        Assert.IsFalse(run.Error.Contains("2147483647"), run.Error);
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
    }

    [TestMethod]
    public void ANegativeSinceIsRefusedBeforeTheBoardIsAsked()
    {
        var run = Events("/dev/ttyNOSUCH9", "--since", "-1");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "--since -1 must be a whole number, 0 or more");
    }

    [TestMethod]
    public void AllPagesThroughEveryMilestoneThenShowsTheRoutineCounts()
    {
        var (json, human) = Tools.WithSocatPort("board", StandIn, port => (Events(port, "--all", "--limit", "20", "--json"), Events(port, "--all")));
        Assert.AreEqual(0, json.ExitCode, json.Error);
        using var doc = JsonDocument.Parse(json.Output);
        var ids = doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.AreEqual(45, ids.Count, "three pages of 20, 20 and 5");
        CollectionAssert.AreEqual(Enumerable.Range(0, 45).Select(i => 101 + 3 * i).ToList(), ids);
        Assert.IsFalse(doc.RootElement.GetProperty("more").GetBoolean());
        Assert.AreEqual(121, doc.RootElement.GetProperty("routine")[0].GetProperty("count").GetInt32());

        Assert.AreEqual(0, human.ExitCode, human.Error);
        StringAssert.Contains(human.Output, "233"); // the last id
        StringAssert.Contains(human.Output, "since the last milestone: 121 contact_restored (last at insertion 62000, slot clock 1:29:41)");
        StringAssert.Contains(human.Output, "since the last milestone: 3 read_failed");
    }

    [TestMethod]
    public void OnePageSaysHowToGetTheRest()
    {
        var run = Tools.WithSocatPort("board", StandIn, port => Events(port, "--since", "200", "--limit", "5"));
        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "more after id 215: posslot diag events --since 215, or --all");
    }

    [TestMethod]
    public void ARegularFileOrDevNullIsNotASerialPort()
    {
        using var file = TempFile.With("not a port\n");
        foreach (var port in new[] { file.Path, "/dev/null" })
        {
            var run = Events(port);
            Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, port + ": " + run.Error);
            StringAssert.Contains(run.Error, "not a serial port");
            Assert.IsFalse(run.Error.Contains("dialout"), run.Error);
        }
    }

    [TestMethod]
    public void APortThatClosesUnderARequestSaysItClosed()
    {
        // The other end reads one byte of the request and goes away.
        var run = Tools.WithSocatPort("board", "SYSTEM:'head -c 1 >/dev/null'", port => Events(port));
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "the port closed");
        Assert.IsFalse(run.Error.Contains("no reply after"), run.Error);
    }
}
