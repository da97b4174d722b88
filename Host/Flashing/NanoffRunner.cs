using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace PosSlot.Host.Flashing;

/// <summary>Finds nanoff (PATH, then the .NET global tools folder) and runs it, its output passed through.</summary>
public static class NanoffRunner
{
    public static string? Find()
    {
        string exe = OperatingSystem.IsWindows() ? "nanoff.exe" : "nanoff";
        var folders = new List<string>((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        folders.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, exe);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static int Run(string nanoff, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(nanoff) { UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new IOException("nanoff did not start");
        process.WaitForExit();
        return process.ExitCode;
    }
}
