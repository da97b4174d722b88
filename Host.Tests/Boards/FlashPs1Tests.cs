using System.Collections.Generic;
using System.IO;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Boards;

/// <summary>
/// Issue 19 item 20: flash.ps1 run for real under PowerShell 7 (the local tool pwsh): what it prints
/// and how it exits is exactly what `posslot flash` prints and how it exits, for every parameter.
/// </summary>
[TestClass]
public class FlashPs1Tests
{
    static string Script => RepoPaths.Path("flash.ps1");

    /// <summary>The script runs this test's posslot build (no rebuild), as $env:POSSLOT allows.</summary>
    static readonly Dictionary<string, string?> ThisPosslot = new() { ["POSSLOT"] = CliProcess.Dll };

    static void AssertSame(string[] scriptArgs, string[] posslotArgs)
    {
        var script = Pwsh.RunScript(Script, ThisPosslot, scriptArgs);
        var direct = CliRun.Of(posslotArgs);
        Assert.AreEqual(direct.ExitCode, script.ExitCode, script.Output + script.Error);
        Assert.AreEqual(direct.Output, script.Output.Replace("\r\n", "\n"));
        Assert.AreEqual(direct.Error, script.Error.Replace("\r\n", "\n"));
    }

    [TestMethod]
    public void DryRunPrintsExactlyWhatPosslotFlashPrintsForEachBoard()
    {
        // One pwsh for the three boards (pwsh takes seconds to start); `exit` in the script ends only the script.
        var boards = new[] { "esp32-devkitc", "esp32-s3-devkitc-1", "posslot-reader-v1" };
        using var image = TempFile.With("image");
        var loop = "foreach ($b in '" + string.Join("','", boards) + "') { & '" + Script.Replace("'", "''") + "' -Board $b -Port COM3 -Image '" + image.Path + "' -DryRun; \"exit $LASTEXITCODE\" }";
        var script = Pwsh.RunCommand(loop, ThisPosslot);
        var expected = new System.Text.StringBuilder();
        foreach (var board in boards)
        {
            var direct = CliRun.Of("flash", "--board", board, "--port", "COM3", "--image", image.Path, "--dry-run");
            expected.Append(direct.Output).Append($"exit {direct.ExitCode}\n");
        }
        Assert.AreEqual(0, script.ExitCode, script.Error);
        Assert.AreEqual("", script.Error);
        Assert.AreEqual(expected.ToString(), script.Output.Replace("\r\n", "\n"));
    }

    [TestMethod]
    public void EveryParameterReachesPosslotFlash()
    {
        var folder = Directory.CreateTempSubdirectory("posslot-ps1-");
        try
        {
            var image = Path.Combine(folder.FullName, "app image.bin");
            File.WriteAllBytes(image, [1, 2, 3]);
            var key = Path.Combine(folder.FullName, "board.key");
            Assert.AreEqual(0, CliRun.Of("keygen", "--serial", "PS-7", "--out", key).ExitCode);
            var boards = RepoPaths.Path("boards");
            AssertSame(
                ["-Board", "esp32-devkitc", "-Port", "COM7", "-UpdateFirmware", "-Image", image, "-KeyFile", key, "-NewBoard", "-Dir", boards, "-DryRun"],
                ["flash", "--board", "esp32-devkitc", "--port", "COM7", "--update-firmware", "--image", image, "--key-file", key, "--new-board", "--dir", boards, "--dry-run"]);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [TestMethod]
    public void WithoutPosslotSetItRunsTheToolFromItsFolderAndPassesTheExitCodeThrough()
    {
        // The technician's path: dotnet run --project Host (an up-to-date build here, so it only checks).
        var run = Pwsh.RunScript(Script, new Dictionary<string, string?> { ["POSSLOT"] = null }, "-Board", "nosuch", "-Port", "COM3", "-DryRun");
        var direct = CliRun.Of("flash", "--board", "nosuch", "--port", "COM3", "--dry-run");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Output + run.Error);
        Assert.AreEqual(direct.Error, run.Error.Replace("\r\n", "\n"));
        Assert.AreEqual("", run.Output);
    }
}
