using System;
using System.IO;

namespace PosSlot.Host.Cli;

/// <summary>Checks an output path can be written before a long run starts, so a typo costs nothing.</summary>
public static class OutputCheck
{
    /// <summary>Null if PATH can be written; otherwise why not (one line, no .NET type names).</summary>
    public static string? Unwritable(string path)
    {
        if (Directory.Exists(path))
        {
            return "it is a folder";
        }
        bool existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }
            if (!existed)
            {
                File.Delete(path);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return e is DirectoryNotFoundException ? "its folder does not exist" : e is UnauthorizedAccessException ? "permission denied" : e.Message;
        }
    }
}
