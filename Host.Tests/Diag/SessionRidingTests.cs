using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>
/// Issue 19 item 2: a technician's session cannot be ridden. After `posslot diag` exits, a person in
/// picocom (under tmux) on the same pseudo-terminal cannot clear the log or force the fallback; a
/// second client without the session key cannot either, even while a session is open; and the
/// independent Python peer runs a tagged command from docs/console.md alone.
/// </summary>
[TestClass]
public class SessionRidingTests
{
    static EmulatorProcess s_board = null!;
    static TempKey s_key = null!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        s_key = TempKey.For("PS-RIDE-1");
        s_board = new EmulatorProcess("--speed", "100000", "--insertions", "200", "--key-file", s_key.Path);
        s_board.WaitFor(l => l.Contains("scenario done"), TimeSpan.FromSeconds(60));
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_board?.Dispose();
        s_key?.Dispose();
    }

    static CliRun Diag(params string[] words) => CliRun.Of(["diag", "--port", s_board.PtyPath, .. words]);

    [TestMethod]
    public void AfterDiagExitsATypedLineCannotClearTheLogOrForceTheFallback()
    {
        Tools.Require("/usr/bin/picocom", "picocom");
        var cleaned = Diag("--key-file", s_key.Path, "maintenance", "cleaned");
        Assert.AreEqual(0, cleaned.ExitCode, cleaned.Error);
        using (var status = JsonDocument.Parse(Diag("status", "--json").Output))
        {
            Assert.IsFalse(status.RootElement.GetProperty("session").GetBoolean(), "diag logged out when it finished");
        }
        string session = $"posslot-ride-{Environment.ProcessId}";
        Tmux.Run("new-session", "-d", "-s", session, "-x", "200", "-y", "60", $"/usr/bin/picocom -b 115200 {s_board.PtyPath}");
        try
        {
            Tmux.ScreenShowing(session, "Terminal ready", 1);
            Tmux.Run("send-keys", "-t", session, "log clear", "Enter");
            Tmux.ScreenShowing(session, "use posslot diag", 1);
            Tmux.Run("send-keys", "-t", session, "fallback force on --minutes 1", "Enter");
            Tmux.ScreenShowing(session, "use posslot diag", 2);
        }
        finally
        {
            Tmux.Run("kill-session", "-t", session);
        }
        using var after = JsonDocument.Parse(Diag("status", "--json").Output);
        Assert.AreEqual("auto", after.RootElement.GetProperty("fallback_mode").GetString());
        var events = Diag("events", "--limit", "32", "--json");
        Assert.AreEqual(0, events.ExitCode, events.Error);
        StringAssert.Contains(events.Output, "maintenance_cleaned done");
        Assert.IsFalse(events.Output.Contains("log_cleared"), events.Output);
    }

    [TestMethod]
    public void ThePythonPeerRunsATaggedCommandFromTheDocAndAnUntaggedOneIsRefused()
    {
        // While the peer's session is open, the same command without the tag (what any other client on
        // the line could send) is refused; with the tag it runs; after logout the key is void.
        var psi = new ProcessStartInfo(Tools.Require("/usr/bin/python3", "python3-serial"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "Host.Tests", "Peers", "diag_peer.py"));
        foreach (var a in new[] { "act", s_board.PtyPath, s_key.Path, "fallback", "force", "auto" })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.AreEqual(0, p.ExitCode, output + error);
        using var doc = JsonDocument.Parse(output);
        Assert.AreEqual(14, doc.RootElement.GetProperty("untagged").GetProperty("err").GetProperty("code").GetInt32());
        Assert.AreEqual("auto", doc.RootElement.GetProperty("tagged").GetProperty("data").GetProperty("fallback_mode").GetString());
    }

    [TestMethod]
    public void AKeyFileForAnotherBoardIsOurOwnBadInput()
    {
        using var other = TempKey.For("PS-OTHER");
        var run = Diag("--key-file", other.Path, "log", "clear");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "the key file is for serial PS-OTHER, the board is PS-RIDE-1");
    }

    [TestMethod]
    public void AWrongKeyIsRefusedWithoutPrintingTheResponse()
    {
        using var wrong = TempKey.For("PS-RIDE-1");
        var run = Diag("--key-file", wrong.Path, "log", "clear");
        Assert.AreEqual(ExitCodes.DeviceRefused, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "error 8 (auth_failed)");
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(run.Error + run.Output, "[0-9A-Fa-f]{32}"), run.Error);
    }
}
