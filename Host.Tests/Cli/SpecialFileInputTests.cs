using System;
using System.IO;
using System.Linq;
using Mono.Unix.Native;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>
/// Issue 19 item 12: every file posslot reads goes through one input helper: a device, a FIFO without a
/// writer or an oversized file is refused with one line and exit 2, before anything blocks or is read.
/// Run as real processes with a bounded wait, so a regression fails instead of hanging the suite.
/// </summary>
[TestClass]
public class SpecialFileInputTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    static string[] Command(string kind, string file) => kind switch
    {
        "scenario" => ["emulate", "--scenario", file, "--insertions", "10"],
        "key-file" => ["emulate", "--console", "stdio", "--key-file", file],
        "boards" => ["boards", file],
        "flash-board" => ["flash", "--board", file, "--port", "COM3", "--dry-run"],
        "replay" => ["replay", file],
        _ => throw new ArgumentException(kind),
    };

    static void AssertRefused(CliProcess run, string expected)
    {
        Assert.IsFalse(run.TimedOut, "posslot blocked on the input (killed after the bound)");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Output + run.Error);
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, run.Error);
        // boards lists each file's problem on stdout and sums up on stderr; the others have one error line.
        StringAssert.Contains(run.Output + run.Error, expected);
    }

    [TestMethod]
    [DataRow("scenario")]
    [DataRow("key-file")]
    [DataRow("boards")]
    [DataRow("flash-board")]
    [DataRow("replay")]
    public void ADeviceIsRefusedAtOnce(string kind)
    {
        var run = CliProcess.Run(Bound, Command(kind, "/dev/zero"));
        AssertRefused(run, "/dev/zero: not a regular file (a device)");
    }

    [TestMethod]
    [DataRow("scenario")]
    [DataRow("key-file")]
    [DataRow("boards")]
    [DataRow("flash-board")]
    [DataRow("replay")]
    public void AFifoWithoutAWriterIsRefusedWithoutBlocking(string kind)
    {
        using var fifo = new TempFifo();
        var run = CliProcess.Run(Bound, Command(kind, fifo.Path));
        AssertRefused(run, fifo.Path + ": not a regular file (a pipe (FIFO))");
    }

    [TestMethod]
    public void KeygenRefusesToWriteIntoAFifoOrAFolder()
    {
        using var fifo = new TempFifo();
        var run = CliProcess.Run(Bound, "keygen", "--serial", "PS-1", "--out", fifo.Path);
        AssertRefused(run, "is a pipe (FIFO)");
        var folder = CliRun.Of("keygen", "--serial", "PS-1", "--out", Path.GetTempPath());
        Assert.AreEqual(ExitCodes.BadInput, folder.ExitCode, folder.Error);
        StringAssert.Contains(folder.Error, "is a folder");
    }

    [TestMethod]
    public void AScenarioWithA300MbDescriptionIsRefusedUnread()
    {
        // Sparse: 300 MB on paper, nothing on disk; refused by its size before a byte is read.
        var path = Path.Combine(Path.GetTempPath(), "posslot-huge-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            using (var f = new FileStream(path, FileMode.CreateNew))
            {
                f.Write("{\"description\": \""u8);
                f.SetLength(300L << 20);
            }
            long before = GC.GetTotalAllocatedBytes();
            var run = CliRun.Of("emulate", "--scenario", path);
            Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Error);
            StringAssert.Contains(run.Error, "too large for a scenario file (314,572,800 bytes; at most 1,048,576)");
            Assert.IsTrue(GC.GetTotalAllocatedBytes() - before < 64L << 20, "the file was not read");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void AKeyFileOrBoardFileOverItsCapIsRefused()
    {
        using var key = TempFile.With(new string('#', 5000));
        AssertRefused(CliProcess.Run(Bound, "emulate", "--console", "stdio", "--key-file", key.Path), "too large for a key file");
        using var board = TempFile.With(new string(' ', 70_000));
        var run = CliRun.Of("boards", board.Path);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Output + run.Error, "too large for a board file (70,000 bytes; at most 65,536)");
    }

    /// <summary>A FIFO in its own temporary folder, removed after.</summary>
    sealed class TempFifo : IDisposable
    {
        readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("posslot-fifo-");

        public string Path { get; }

        public TempFifo()
        {
            Path = System.IO.Path.Combine(_dir.FullName, "input");
            Assert.AreEqual(0, Syscall.mkfifo(Path, FilePermissions.S_IRUSR | FilePermissions.S_IWUSR), "mkfifo");
        }

        public void Dispose() => _dir.Delete(true);
    }
}
