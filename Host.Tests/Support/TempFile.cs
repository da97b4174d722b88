using System;
using System.IO;

namespace PosSlot.Host.Tests.Support;

/// <summary>A file in the temp folder that is deleted when disposed.</summary>
public sealed class TempFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "posslot-" + Guid.NewGuid().ToString("N") + ".csv");

    public static TempFile With(string text)
    {
        var file = new TempFile();
        File.WriteAllText(file.Path, text);
        return file;
    }

    public void Dispose()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}
