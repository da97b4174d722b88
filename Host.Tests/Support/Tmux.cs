using System;
using System.Diagnostics;
using System.Threading;

namespace PosSlot.Host.Tests.Support;

/// <summary>A person's terminal for the tests: tmux panes (picocom in them), keys sent, the screen read back.</summary>
public static class Tmux
{
    public static string Run(params string[] args)
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

    /// <summary>
    /// Waits until the pane shows `text` at least `times` times (the emulator answers within milliseconds; the
    /// wait is for tmux and picocom to start) and returns the screen.
    /// </summary>
    public static string ScreenShowing(string session, string text, int times = 1)
    {
        string screen = "";
        for (int i = 0; i < 100; i++)
        {
            screen = Run("capture-pane", "-p", "-t", session, "-S", "-200");
            if (Count(screen, text) >= times)
            {
                return screen;
            }
            Thread.Sleep(100);
        }
        throw new AssertFailedException($"the terminal never showed '{text}'{(times > 1 ? $" {times} times" : "")}; it showed:\n{screen}");
    }

    static int Count(string text, string part)
    {
        int n = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
