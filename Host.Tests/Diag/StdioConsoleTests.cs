using System;
using System.Diagnostics;
using System.IO;
using PosSlot.Firmware.Console;

namespace PosSlot.Host.Tests.Diag;

/// <summary>`emulate --console stdio`: the console on a pipe; end of input stops the emulator.</summary>
[TestClass]
public class StdioConsoleTests
{
    [TestMethod]
    public void AFrameOnStdinIsAnsweredOnStdoutAndEndOfInputStops()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "posslot.dll"), "emulate", "--console", "stdio", "--speed", "100000", "--insertions", "50" })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(MachineFrame.Format(7, "hello"));
        p.StandardInput.Flush();
        string? reply = null;
        for (int i = 0; i < 50 && reply == null; i++)
        {
            var line = p.StandardOutput.ReadLine();
            if (line == null)
            {
                break;
            }
            // The greeting's prompt has no line end: a frame may follow it on the same line.
            int at = line.IndexOf("$7 ", StringComparison.Ordinal);
            if (at >= 0)
            {
                reply = line[at..];
            }
        }
        p.StandardInput.Close();
        Assert.IsTrue(p.WaitForExit(20_000), "end of input stops the emulator");
        Assert.IsNotNull(reply, p.StandardError.ReadToEnd());
        StringAssert.Contains(reply, "\"protocol\":\"diag/1\"");
        Assert.AreEqual(0, p.ExitCode);
    }
}
