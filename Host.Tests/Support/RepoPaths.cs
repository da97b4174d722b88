using System;
using System.IO;

namespace PosSlot.Host.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "PosSlotFirmware.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException("PosSlotFirmware.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Example(string name) => System.IO.Path.Combine(Root, "examples", "traces", name);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
