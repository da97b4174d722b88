using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace PosSlot.Host.Tests.Support;

/// <summary>
/// posslot as its own process (dotnet posslot.dll), for what an in-process run cannot show or survive:
/// a read that would block forever (killed after the timeout, so the test fails instead of hanging),
/// stdout on /dev/full, the process's exit code as a shell sees it.
/// </summary>
public sealed record CliProcess(int ExitCode, string Output, string Error, bool TimedOut)
{
    public static CliProcess Run(TimeSpan timeout, params string[] args) => Start(timeout, null, null, args);

    /// <summary>Runs with stdout sent to a file (e.g. /dev/full) by a shell, the way a user redirects it.</summary>
    public static CliProcess RunTo(string stdoutPath, TimeSpan timeout, params string[] args) => Start(timeout, stdoutPath, null, args);

    /// <summary>Runs with a working directory and extra environment.</summary>
    public static CliProcess RunIn(string workingDirectory, TimeSpan timeout, params string[] args) => Start(timeout, null, workingDirectory, args);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "posslot.dll");

    static CliProcess Start(TimeSpan timeout, string? stdoutPath, string? workingDirectory, string[] args)
    {
        ProcessStartInfo psi;
        if (stdoutPath != null)
        {
            psi = new ProcessStartInfo("/bin/sh");
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("exec dotnet \"$@\" > \"$0\"");
            psi.ArgumentList.Add(stdoutPath);
        }
        else
        {
            psi = new ProcessStartInfo("dotnet");
        }
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = true;
        psi.UseShellExecute = false;
        if (workingDirectory != null)
        {
            psi.WorkingDirectory = workingDirectory;
        }
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        bool exited = p.WaitForExit((int)timeout.TotalMilliseconds);
        if (!exited)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
        return new CliProcess(exited ? p.ExitCode : -1, stdout.IsCompleted ? stdout.Result : "", stderr.IsCompleted ? stderr.Result : "", !exited);
    }
}
