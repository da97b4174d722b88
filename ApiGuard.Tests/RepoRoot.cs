using System;
using System.IO;

namespace PosSlot.ApiGuard.Tests;

/// <summary>The repository's root: the folder above the test's binaries that holds PosSlotFirmware.sln.</summary>
static class RepoRoot
{
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PosSlotFirmware.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
