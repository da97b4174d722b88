using System;
using System.IO;

namespace PosSlot.Host.Tests.Support;

/// <summary>A board key made by `posslot keygen` in the temp folder, deleted when disposed.</summary>
public sealed class TempKey : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "posslot-" + Guid.NewGuid().ToString("N") + ".key");

    public static TempKey For(string serial)
    {
        var key = new TempKey();
        var run = CliRun.Of("keygen", "--serial", serial, "--out", key.Path);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        return key;
    }

    public void Dispose() => File.Delete(Path);
}
