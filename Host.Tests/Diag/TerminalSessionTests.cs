using System;
using System.Diagnostics;
using System.Threading;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>The console as a technician sees it: picocom in a tmux pane on the emulator's pty, keys typed, the screen read back.</summary>
[TestClass]
public class TerminalSessionTests
{
    static string Tmux(params string[] args)
    {
        var psi = new ProcessStartInfo(Tools.Require("/usr/bin/tmux", "tmux")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    /// <summary>Waits until the pane shows `text` (the emulator answers within milliseconds; the wait is for tmux and picocom to start).</summary>
    static string ScreenShowing(string session, string text)
    {
        string screen = "";
        for (int i = 0; i < 100; i++)
        {
            screen = Tmux("capture-pane", "-p", "-t", session, "-S", "-200");
            if (screen.Contains(text))
            {
                return screen;
            }
            Thread.Sleep(100);
        }
        Assert.Fail($"the terminal never showed '{text}'; it showed:\n{screen}");
        return screen;
    }

    [TestMethod]
    public void PicocomShowsThePromptHelpAndStatus()
    {
        Tools.Require("/usr/bin/picocom", "picocom");
        using var emulator = new EmulatorProcess("--speed", "100000", "--insertions", "200");
        emulator.WaitFor(l => l.Contains("scenario done"), TimeSpan.FromSeconds(60));
        string session = $"posslot-{Environment.ProcessId}";
        Tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "60", $"/usr/bin/picocom -b 115200 {emulator.PtyPath}");
        try
        {
            ScreenShowing(session, "Terminal ready");
            Tmux("send-keys", "-t", session, "Enter");
            ScreenShowing(session, "posslot>"); // tmux trims the prompt's trailing space
            Tmux("send-keys", "-t", session, "help", "Enter");
            var help = ScreenShowing(session, "fallback force on|off|auto [--minutes N]");
            StringAssert.Contains(help, "posslot> help");
            Tmux("send-keys", "-t", session, "status", "Enter");
            var status = ScreenShowing(session, "insertions_board: 200");
            StringAssert.Contains(status, "health:         Healthy");
            Tmux("send-keys", "-t", session, "frobnicate", "Enter");
            ScreenShowing(session, "unknown command 'frobnicate': type help");
        }
        finally
        {
            Tmux("kill-session", "-t", session);
        }
    }
}
