using System;
using System.IO;
using PosSlot.Host.Boards;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Boards;

/// <summary>Issue 19 item 13: boards/ is found the way a user expects, from any folder, and a missing one is one line (exit 2).</summary>
[TestClass]
public class BoardFolderTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [TestMethod]
    public void OutsideTheRepositoryBoardsAndFlashUseTheToolsRepository()
    {
        var elsewhere = Directory.CreateTempSubdirectory("posslot-cwd-");
        try
        {
            var boards = CliProcess.RunIn(elsewhere.FullName, Bound, "boards");
            Assert.AreEqual(ExitCodes.Ok, boards.ExitCode, boards.Output + boards.Error);
            StringAssert.Contains(boards.Output, "esp32-devkitc");
            File.WriteAllText(Path.Combine(elsewhere.FullName, "app.bin"), "image");
            var flash = CliProcess.RunIn(elsewhere.FullName, Bound, "flash", "--board", "esp32-devkitc", "--port", "COM3", "--image", "app.bin", "--dry-run");
            Assert.AreEqual(ExitCodes.Ok, flash.ExitCode, flash.Output + flash.Error);
            StringAssert.Contains(flash.Output, "nanoff --target ESP32_PSRAM_REV0");
        }
        finally
        {
            elsewhere.Delete(true);
        }
    }

    [TestMethod]
    public void ABoardsFolderInTheCurrentFolderComesFirst()
    {
        var here = Directory.CreateTempSubdirectory("posslot-cwd-");
        try
        {
            Directory.CreateDirectory(Path.Combine(here.FullName, "boards"));
            File.Copy(RepoPaths.Path("boards", "esp32-devkitc.json"), Path.Combine(here.FullName, "boards", "esp32-devkitc.json"));
            var run = CliProcess.RunIn(here.FullName, Bound, "boards");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
            Assert.AreEqual(1, run.Output.TrimEnd().Split('\n').Length, "only the current folder's board: " + run.Output);
        }
        finally
        {
            here.Delete(true);
        }
    }

    [TestMethod]
    public void AMissingDirIsOneLineNotACrash()
    {
        var boards = CliRun.Of("boards", "--dir", "/nonexistent");
        Assert.AreEqual(ExitCodes.BadInput, boards.ExitCode, boards.Error);
        Assert.AreEqual("posslot boards: --dir /nonexistent: no such folder\n", boards.Error);
        var flash = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "COM3", "--dry-run", "--dir", "/nonexistent");
        Assert.AreEqual(ExitCodes.BadInput, flash.ExitCode, flash.Error);
        StringAssert.Contains(flash.Error, "--dir /nonexistent: no such folder");
    }

    [TestMethod]
    public void WithNoBoardsFolderAnywhereItSaysWhereItLooked()
    {
        var empty = Directory.CreateTempSubdirectory("posslot-nowhere-");
        try
        {
            var e = Assert.ThrowsExactly<BoardException>(() => BoardCatalog.Locate(null, empty.FullName, empty.FullName));
            StringAssert.Contains(e.Message, "no boards folder: looked in " + Path.Combine(empty.FullName, "boards"));
            StringAssert.Contains(e.Message, "PosSlotFirmware.sln; give --dir FOLDER");
            Assert.AreEqual(ExitCodes.BadInput, e.ExitCode);
        }
        finally
        {
            empty.Delete(true);
        }
    }
}
