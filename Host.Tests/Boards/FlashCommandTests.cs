using System;
using System.IO;
using System.Linq;
using PosSlot.Host.Cli;
using PosSlot.Host.Flashing;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Boards;

/// <summary>posslot flash: the exact nanoff commands from each board file, and what it says when it cannot.</summary>
[TestClass]
public class FlashCommandTests
{
    static string Boards => RepoPaths.Path("boards");

    static string[] Commands(CliRun run) => run.Output.Split('\n').Where(l => l.StartsWith("nanoff ")).ToArray();

    /// <summary>A deployment image to name with --image (it must exist, --dry-run included).</summary>
    static TempFile Image() => TempFile.With("image");

    [TestMethod]
    public void DryRunPrintsTheExactNanoffCommandsForTheDevKitC()
    {
        using var image = Image();
        using var nanoff = new FakeNanoff("2.5.126");
        var run = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "/dev/ttyUSB0", "--image", image.Path, "--dry-run", "--dir", Boards);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        CollectionAssert.AreEqual(new[]
        {
            $"nanoff --target ESP32_PSRAM_REV0 --serialport /dev/ttyUSB0 --deploy --image {image.Path} --address 0x1E0000",
        }, Commands(run));
    }

    [TestMethod]
    [DataRow("esp32-devkitc", "ESP32_PSRAM_REV0", "0x1E0000")]
    [DataRow("esp32-s3-devkitc-1", "ESP32_S3_OCTAL", "0x1B0000")]
    [DataRow("posslot-reader-v1", "ESP32_PSRAM_REV0", "0x1E0000")]
    public void EveryBoardGetsItsTargetAndItsDeployAddress(string board, string target, string address)
    {
        using var image = Image();
        using var nanoff = new FakeNanoff("2.5.126");
        var run = CliRun.Of("flash", "--board", board, "--port", "COM3", "--update-firmware", "--image", image.Path, "--dry-run", "--dir", Boards);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        CollectionAssert.AreEqual(new[]
        {
            $"nanoff --update --target {target} --serialport COM3",
            $"nanoff --target {target} --serialport COM3 --deploy --image {image.Path} --address {address}",
        }, Commands(run));
    }

    [TestMethod]
    public void AKeyFileAndANewBoardGoThroughNanoffsFileDeployment()
    {
        using var image = Image();
        using var nanoff = new FakeNanoff("2.5.126");
        using var key = TempFile.With("serial=shop-12\nkey=" + new string('a', 64) + "\n");
        var run = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "COM7", "--image", image.Path, "--key-file", key.Path, "--new-board", "--dry-run", "--dir", Boards);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var commands = Commands(run);
        Assert.AreEqual(2, commands.Length);
        StringAssert.StartsWith(commands[1], "nanoff --filedeployment ");
        StringAssert.Contains(run.Output, "\"SerialPort\": \"COM7\"");
        StringAssert.Contains(run.Output, "\"DestinationFilePath\": \"I:\\\\posslot\\\\device.key\"");
        StringAssert.Contains(run.Output, $"\"SourceFilePath\": \"{key.Path}\"");
        StringAssert.Contains(run.Output, "\"DestinationFilePath\": \"I:\\\\posslot\\\\new-board\"");
    }

    [TestMethod]
    public void AnUnknownBoardNamesTheKnownOnes()
    {
        var run = CliRun.Of("flash", "--board", "esp32-wrover", "--port", "COM3", "--dry-run", "--dir", Boards);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Error, "no board named 'esp32-wrover'");
        StringAssert.Contains(run.Error, "esp32-devkitc");
    }

    [TestMethod]
    public void WithoutNanoffItSaysHowToInstallIt()
    {
        using var image = TempFile.With("image");
        string? path = Environment.GetEnvironmentVariable("PATH"), home = Environment.GetEnvironmentVariable("HOME");
        var emptyHome = Directory.CreateTempSubdirectory("posslot-home-");
        try
        {
            Environment.SetEnvironmentVariable("PATH", "");
            Environment.SetEnvironmentVariable("HOME", emptyHome.FullName);
            var run = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "/dev/ttyUSB0", "--image", image.Path, "--dir", Boards);
            Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Output + run.Error);
            StringAssert.Contains(run.Error, "nanoff not found: install it with `dotnet tool install -g nanoff`");
            Assert.AreEqual("", run.Output, "nothing was run");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            Environment.SetEnvironmentVariable("HOME", home);
            emptyHome.Delete(true);
        }
    }

    [TestMethod]
    public void AMissingImageIsNamedBeforeAnythingRuns()
    {
        var run = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "/dev/ttyUSB0", "--image", "/no/such/app.bin", "--dir", Boards);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Error, "--image /no/such/app.bin: no such file");
    }

    [TestMethod]
    [DataRow(0, "done")]
    [DataRow(6002, "port is in use")]
    [DataRow(9008, "cannot find the image file")]
    [DataRow(9009, "no deployment address")]
    [DataRow(2001, "did not answer as a nanoFramework device")]
    [DataRow(4003, "ESP32 flash step failed")]
    [DataRow(6005, "serial port could not be used")]
    [DataRow(9100, "refused its arguments")]
    [DataRow(1, "nanoff exited with 1")]
    public void NanoffsExitCodesAreSaidInWords(int code, string expected) => StringAssert.Contains(NanoffExitCodes.Explain(code), expected);

    [TestMethod]
    public void FlashPs1PassesEveryOptionOfTheFlashCommand()
    {
        var script = File.ReadAllText(RepoPaths.Path("flash.ps1"));
        foreach (var option in FlashCommand.Create().Options.Select(o => o.Name))
        {
            StringAssert.Contains(script, "'" + option + "'", "flash.ps1 passes " + option);
        }
        StringAssert.Contains(script, "'flash'");
    }
}
