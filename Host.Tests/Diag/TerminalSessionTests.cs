using System;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Diag;

/// <summary>The console as a technician sees it: picocom in a tmux pane on the emulator's pty, keys typed, the screen read back.</summary>
[TestClass]
public class TerminalSessionTests
{
    [TestMethod]
    public void PicocomShowsThePromptHelpAndStatus()
    {
        Tools.Require("/usr/bin/picocom", "picocom");
        using var emulator = new EmulatorProcess("--speed", "100000", "--insertions", "200");
        emulator.WaitFor(l => l.Contains("scenario done"), TimeSpan.FromSeconds(60));
        string session = $"posslot-{Environment.ProcessId}";
        Tmux.Run("new-session", "-d", "-s", session, "-x", "160", "-y", "60", $"/usr/bin/picocom -b 115200 {emulator.PtyPath}");
        try
        {
            Tmux.ScreenShowing(session, "Terminal ready");
            Tmux.Run("send-keys", "-t", session, "Enter");
            Tmux.ScreenShowing(session, "posslot>"); // tmux trims the prompt's trailing space
            Tmux.Run("send-keys", "-t", session, "help", "Enter");
            var help = Tmux.ScreenShowing(session, "fallback force on|off|auto [--minutes N]");
            StringAssert.Contains(help, "posslot> help");
            Tmux.Run("send-keys", "-t", session, "status", "Enter");
            var status = Tmux.ScreenShowing(session, "insertions_board: 200");
            StringAssert.Contains(status, "health:         Healthy");
            Tmux.Run("send-keys", "-t", session, "frobnicate", "Enter");
            Tmux.ScreenShowing(session, "unknown command 'frobnicate': type help");
        }
        finally
        {
            Tmux.Run("kill-session", "-t", session);
        }
    }
}
