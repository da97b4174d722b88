using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PosSlot.Host.Tests.Support;

/// <summary>
/// `posslot emulate --console pty ...` as its own process, the way a technician starts it: waits for
/// the printed pseudo-terminal path, keeps the status lines, and is stopped with SIGTERM on Dispose.
/// </summary>
public sealed class EmulatorProcess : IDisposable
{
    readonly Process _process;
    readonly BlockingCollection<string> _lines = new();
    readonly ConcurrentQueue<string> _all = new();

    public string PtyPath { get; }

    /// <summary>The emulator's process id (to freeze it with SIGSTOP, as a hung board).</summary>
    public int ProcessId => _process.Id;

    public EmulatorProcess(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "posslot.dll"));
        psi.ArgumentList.Add("emulate");
        psi.ArgumentList.Add("--console");
        psi.ArgumentList.Add("pty");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) { _all.Enqueue(e.Data); _lines.Add(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) { _all.Enqueue("stderr: " + e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var first = WaitFor(l => l.StartsWith("console on "), TimeSpan.FromSeconds(30));
        PtyPath = Regex.Match(first, @"console on (\S+)").Groups[1].Value;
    }

    /// <summary>The first line printed (so far or within the timeout) that matches, or a failure naming what the process printed.</summary>
    public string WaitFor(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var seen = _all.FirstOrDefault(match);
            if (seen != null)
            {
                return seen;
            }
            _lines.TryTake(out _, TimeSpan.FromMilliseconds(100));
            if (_process.HasExited && _lines.Count == 0 && _all.FirstOrDefault(match) == null)
            {
                break;
            }
        }
        throw new AssertFailedException("the emulator did not print the expected line; it printed:\n" + string.Join("\n", _all.TakeLast(20)));
    }

    public string Printed => string.Join("\n", _all);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // SIGTERM, as a service manager stops it; the emulator ends its serving loop on it.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
