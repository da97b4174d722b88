using System;
using System.IO;
using System.Threading;

namespace PosSlot.Host.Tests.Support;

/// <summary>The real programs the serial tests use as peers (.ci/run installs them).</summary>
public static class Tools
{
    /// <summary>The program's path, or a failure saying which Debian package provides it.</summary>
    public static string Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: apt-get install {package} (.ci/run installs it)");
        }
        return path;
    }

    /// <summary>Waits (up to 10 s) for a path socat creates.</summary>
    public static void WaitForFile(string path)
    {
        for (int i = 0; i < 200 && !File.Exists(path); i++)
        {
            Thread.Sleep(50);
        }
        Assert.IsTrue(File.Exists(path), path + " never appeared");
    }
}
