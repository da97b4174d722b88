using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;

namespace PosSlot.Host.Flashing;

/// <summary>Finds nanoff (PATH, then the .NET global tools folder), asks its version, and runs it, its output passed through.</summary>
public static partial class NanoffRunner
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

    /// <summary>`nanoff --version`, read as MAJOR.MINOR.PATCH (e.g. "2.5.126+8f3c" or ".NET nanoFramework Firmware Flasher v3.0.0-preview.46"); null with what it printed when it cannot be read.</summary>
    public static Version? VersionOf(string nanoff, out string printed)
    {
        var start = new ProcessStartInfo(nanoff) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("--version");
        using var process = Process.Start(start) ?? throw new IOException("nanoff did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            printed = "(no answer in 60 s)";
            return null;
        }
        printed = (stdout.Result + stderr.Result).Trim();
        var m = VersionPattern().Match(printed);
        return m.Success ? new Version(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)) : null;
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

    [GeneratedRegex(@"(\d+)\.(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();
}
