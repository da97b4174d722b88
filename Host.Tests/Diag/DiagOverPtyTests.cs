using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>
/// posslot diag against the emulator's console over a real pseudo-terminal (System.IO.Ports on the
/// client side), an independent Python peer written from docs/console.md, and socat links.
/// </summary>
[TestClass]
public class DiagOverPtyTests
{
    static EmulatorProcess s_done = null!;
    static EmulatorProcess s_running = null!;
    static TempKey s_key = null!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        s_key = TempKey.For("PS-TEST-7");
        // One that finishes a short life at once and then serves; one that keeps inserting cards.
        s_done = new EmulatorProcess("--speed", "100000", "--insertions", "400", "--key-file", s_key.Path);
        s_running = new EmulatorProcess("--speed", "3000", "--insertions", "1000000"); // a card every 0.1 s or so: a few seconds of watch always see one
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_done?.Dispose();
        s_running?.Dispose();
        s_key?.Dispose();
    }

    static CliRun Diag(string port, params string[] words) => CliRun.Of(["diag", "--port", port, .. words]);

    [TestMethod]
    public void StatusJsonGivesTheHealthTheEmulatorReports()
    {
        var done = s_done.WaitFor(l => l.Contains("scenario done"), TimeSpan.FromSeconds(60));
        var reported = Regex.Match(done, @"health (\w+), fallback (\w+)");
        var run = Diag(s_done.PtyPath, "status", "--json");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.AreEqual(reported.Groups[1].Value, doc.RootElement.GetProperty("health").GetString());
        Assert.AreEqual(reported.Groups[2].Value, doc.RootElement.GetProperty("fallback").GetString());
        Assert.AreEqual(400, doc.RootElement.GetProperty("insertions_board").GetInt64());
    }

    [TestMethod]
    public void AuthenticatedCommandsRunWithTheKeyFileAndAreRefusedWithoutIt()
    {
        s_done.WaitFor(l => l.Contains("scenario done"), TimeSpan.FromSeconds(60));
        var refused = Diag(s_done.PtyPath, "log", "clear");
        Assert.AreEqual(ExitCodes.BadInput, refused.ExitCode, "no key file: told to give one");
        var on = Diag(s_done.PtyPath, "--key-file", s_key.Path, "fallback", "force", "on", "--minutes", "5", "--json");
        Assert.AreEqual(0, on.ExitCode, on.Error);
        Assert.AreEqual("engaged", JsonDocument.Parse(on.Output).RootElement.GetProperty("fallback").GetString());
        var status = Diag(s_done.PtyPath, "status", "--json");
        Assert.AreEqual("forced_on", JsonDocument.Parse(status.Output).RootElement.GetProperty("fallback_mode").GetString());
        var auto = Diag(s_done.PtyPath, "--key-file", s_key.Path, "fallback", "force", "auto", "--json");
        Assert.AreEqual(0, auto.ExitCode, auto.Error);
        var events = Diag(s_done.PtyPath, "events", "--limit", "32", "--json");
        StringAssert.Contains(events.Output, "console_action");
        StringAssert.Contains(events.Output, "fallback_force_on done");
    }

    [TestMethod]
    public void AWrongKeyIsRefusedWithItsReason()
    {
        using var other = TempKey.For("PS-OTHER");
        var run = Diag(s_done.PtyPath, "--key-file", other.Path, "maintenance", "cleaned");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, "the tool checked the serial itself");
        StringAssert.Contains(run.Error, "the key file is for serial PS-OTHER");
    }

    [TestMethod]
    public void ReportWritesJsonPlotAndSummary()
    {
        s_done.WaitFor(l => l.Contains("scenario done"), TimeSpan.FromSeconds(60));
        var dir = Path.Combine(Path.GetTempPath(), $"posslot-report-{Environment.ProcessId}");
        try
        {
            var run = Diag(s_done.PtyPath, "report", "--out", dir);
            Assert.AreEqual(0, run.ExitCode, run.Error);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
            Assert.AreEqual("diag/1", doc.RootElement.GetProperty("hello").GetProperty("protocol").GetString());
            Assert.IsTrue(doc.RootElement.GetProperty("events").GetArrayLength() > 0);
            var png = File.ReadAllBytes(Path.Combine(dir, "trend.png"));
            Assert.AreEqual(0x89, png[0], "a PNG");
            StringAssert.Contains(File.ReadAllText(Path.Combine(dir, "summary.txt")), "Health:");
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [TestMethod]
    public void AnIndependentPythonPeerReadsHelloStatusAndAPushedEvent()
    {
        var psi = new ProcessStartInfo(Tools.Require("/usr/bin/python3", "python3-serial"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "Host.Tests", "Peers", "diag_peer.py"));
        psi.ArgumentList.Add(s_running.PtyPath);
        psi.ArgumentList.Add("30");
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.AreEqual(0, p.ExitCode, output + error);
        using var doc = JsonDocument.Parse(output);
        Assert.AreEqual(0, doc.RootElement.GetProperty("bad_crc").GetInt32());
        Assert.IsTrue(doc.RootElement.GetProperty("event").GetProperty("data").TryGetProperty("event", out _));
    }

    [TestMethod]
    public void AnyPortPathWorksThroughASocatLink()
    {
        var run = Tools.WithSocatPort("reader-console", $"{s_done.PtyPath},raw,echo=0", link => Diag(link, "hello", "--json"));
        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "\"protocol\":\"diag/1\"");
    }

    [TestMethod]
    public void ADeviceThatAnswersGarbageIsNamedAsSuch()
    {
        // The other end answers every write with bytes that are not console frames.
        var run = Tools.WithSocatPort("noise", "SYSTEM:'while read -r l; do echo \"#@!~ noise $l\"; done'", link => Diag(link, "status", "--timeout", "0.5"));
        Assert.AreEqual(ExitCodes.DeviceGarbage, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "not console frames");
    }

    [TestMethod]
    public void WatchPrintsOneReadableLinePerEventAndStatus()
    {
        var run = Diag(s_running.PtyPath, "watch", "--seconds", "3");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            Assert.IsFalse(line.Contains('{') || line.StartsWith("event "), "no protocol JSON for a person: " + line);
            Assert.IsTrue(Regex.IsMatch(line, @"^\d\d:\d\d:\d\d  (status: |insertion \d+  )"), "time, then what: " + line);
        }
        Assert.IsTrue(Array.Exists(lines, l => Regex.IsMatch(l, @"  status: (Healthy|Watch|Degraded|Failed), fallback ")), run.Output);
        Assert.IsTrue(Array.Exists(lines, l => l.EndsWith("card withdrawn, or the contact opened under it")), "cards keep coming: their withdrawals are pushed\n" + run.Output);
    }

    [TestMethod]
    public void WatchJsonIsOneObjectPerLine()
    {
        var run = Diag(s_running.PtyPath, "watch", "--seconds", "3", "--json");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        var types = new System.Collections.Generic.List<string>();
        foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            types.Add(doc.RootElement.GetProperty("type").GetString()!);
            Assert.IsTrue(doc.RootElement.TryGetProperty(types[^1] == "event" ? "event" : "health", out _), line);
            Assert.IsFalse(doc.RootElement.TryGetProperty("ok", out _), "the board's data, not its reply wrapper: " + line);
        }
        CollectionAssert.Contains(types, "status");
        CollectionAssert.Contains(types, "event");
    }

    [TestMethod]
    public void EventsFromTheFirmwareEndWithItsRoutineCounts()
    {
        s_done.WaitFor(l => l.Contains("scenario done"), TimeSpan.FromSeconds(60));
        var run = Diag(s_done.PtyPath, "events", "--all");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "baseline_learned");
        StringAssert.Contains(run.Output, "since the last milestone: ");
        Assert.IsFalse(run.Output.Contains("more after id"), "--all leaves nothing for another page");
    }

    [TestMethod]
    public void AMissingPortSaysSo()
    {
        var run = Diag("/dev/ttyNOSUCH9", "status");
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode);
        StringAssert.Contains(run.Error, "no such port");
    }

    [TestMethod]
    public void APortThatNeverAnswersTimesOutWithRetries()
    {
        var run = Tools.WithSocatPort("silent", "SYSTEM:'cat > /dev/null'", link => Diag(link, "hello", "--timeout", "0.3"));
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, "no reply after 3 tries");
    }
}
