using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace PosSlot.Host.Tests.Support;

/// <summary>
/// PowerShell 7 (pwsh) from the repository's local tool manifest (.config/dotnet-tools.json), to run
/// flash.ps1 as technicians do. Restores the tool once if it is missing; fails saying what to run if
/// even that does not work.
/// </summary>
public static class Pwsh
{
    static readonly object Gate = new();
    static bool _ready;

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs `pwsh -NoProfile -File SCRIPT ARGS` in the repository root with extra environment.</summary>
    public static Result RunScript(string script, IDictionary<string, string?> environment, params string[] args)
    {
        EnsureRestored();
        var all = new List<string> { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", script };
        all.AddRange(args);
        return Dotnet(all, environment, TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs `pwsh -NoProfile -Command COMMAND` in the repository root.</summary>
    public static Result RunCommand(string command, IDictionary<string, string?> environment)
    {
        EnsureRestored();
        return Dotnet(["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", command], environment, TimeSpan.FromMinutes(2));
    }

    static void EnsureRestored()
    {
        lock (Gate)
        {
            if (_ready)
            {
                return;
            }
            var probe = new List<string> { "tool", "run", "pwsh", "--", "-NoProfile", "-Command", "exit 0" };
            if (Dotnet(probe, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1)).ExitCode != 0)
            {
                var restore = Dotnet(["tool", "restore"], new Dictionary<string, string?>(), TimeSpan.FromMinutes(5));
                if (restore.ExitCode != 0 || Dotnet(probe, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1)).ExitCode != 0)
                {
                    Assert.Fail("pwsh (NuGet PowerShell 7.6.9, .config/dotnet-tools.json) is not available: run `dotnet tool restore` in the repository root (.ci/run does). "
                        + restore.Output + restore.Error);
                }
            }
            _ready = true;
        }
    }

    static Result Dotnet(IEnumerable<string> args, IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish in {timeout}");
        }
        Task.WaitAll(stdout, stderr);
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
