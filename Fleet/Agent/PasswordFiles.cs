using System;
using System.IO;

namespace PosSlot.Fleet.Agent;

/// <summary>--password-file: the MQTT password on the file's first line (kept out of the command line, history and logs).</summary>
public static class PasswordFiles
{
    public static string? Load(string path, out string why)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                why = "no such file";
                return null;
            }
            if (info.Length > 4096)
            {
                why = "too large for a password file";
                return null;
            }
            using var r = new StreamReader(path);
            string line = (r.ReadLine() ?? "").Trim();
            if (line.Length == 0)
            {
                why = "the first line is empty";
                return null;
            }
            why = "";
            return line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = e.Message;
            return null;
        }
    }
}
