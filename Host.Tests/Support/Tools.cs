using System;
using System.Diagnostics;
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

    /// <summary>
    /// Runs `use` with a serial port at a path of socat's making (a pty linked under a temporary
    /// folder) whose other end is `peer` (a socat address: another pty, or a shell command); then
    /// stops socat and removes the folder.
    /// </summary>
    public static T WithSocatPort<T>(string name, string peer, Func<string, T> use)
    {
        var dir = Directory.CreateTempSubdirectory("posslot-socat-").FullName;
        var link = Path.Combine(dir, name);
        using var socat = Process.Start(Require("/usr/bin/socat", "socat"), [$"PTY,link={link},raw,echo=0", peer])!;
        try
        {
            WaitForFile(link);
            return use(link);
        }
        finally
        {
            socat.Kill();
            Directory.Delete(dir, true);
        }
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
