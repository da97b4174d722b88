using System;
using System.IO;

namespace PosSlot.Host.Cli;

/// <summary>Writes an unexpected exception's stack trace to a file so the console gets one line, never a trace.</summary>
public static class CrashLog
{
    /// <summary>Returns "crash log PATH", or a short note if even the log cannot be written.</summary>
    public static string Write(Exception e, string[] args)
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"posslot-crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(path, $"posslot {string.Join(' ', args)}\n{DateTime.UtcNow:O}\n{e}\n");
            return "crash log " + path;
        }
        catch (Exception)
        {
            return "the crash log could not be written";
        }
    }
}
