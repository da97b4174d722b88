using System.IO;
using System.Linq;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Boards;

/// <summary>
/// Issue 19 item 15, through the real path (a stand-in nanoff on PATH): the version is asked first and the
/// command form follows it (2.x options, 3.x verbs), and an exit status cut to 8 bits is still explained.
/// </summary>
[TestClass]
public class NanoffVersionTests
{
    static string Boards => RepoPaths.Path("boards");

    static CliRun Flash(string image, params string[] more) =>
        CliRun.Of(["flash", "--board", "esp32-devkitc", "--port", "COM3", "--image", image, "--dir", Boards, .. more]);

    [TestMethod]
    public void AnExitStatusCutTo8BitsIsStillExplained()
    {
        using var image = TempFile.With("image");
        using var nanoff = new FakeNanoff("2.5.126", exit: 6002 & 0xFF);
        var run = Flash(image.Path);
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, "E6002: the serial port is in use");
        StringAssert.Contains(run.Error, "exit status 114: E6002 cut to 8 bits");
    }

    [TestMethod]
    public void Nanoff2GetsTheOptionForm()
    {
        using var image = TempFile.With("image");
        using var nanoff = new FakeNanoff(".NET nanoFramework Firmware Flasher v2.5.126+8f3c2e");
        var run = Flash(image.Path, "--update-firmware");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Output + run.Error);
        CollectionAssert.AreEqual(new[]
        {
            "run: --update --target ESP32_PSRAM_REV0 --serialport COM3",
            $"run: --target ESP32_PSRAM_REV0 --serialport COM3 --deploy --image {image.Path} --address 0x1E0000",
        }, nanoff.Runs.TrimEnd().Split('\n'));
    }

    [TestMethod]
    public void Nanoff3GetsTheVerbFormInARunAndInADryRun()
    {
        using var image = TempFile.With("image");
        using var nanoff = new FakeNanoff("3.0.0-preview.46+abc");
        var run = Flash(image.Path, "--update-firmware", "--new-board");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Output + run.Error);
        var runs = nanoff.Runs.Split('\n').Where(l => l.StartsWith("run: ")).ToArray();
        Assert.AreEqual("run: flash target ESP32_PSRAM_REV0 serialport COM3", runs[0]);
        Assert.AreEqual($"run: deploy target ESP32_PSRAM_REV0 serialport COM3 image {image.Path} address 0x1E0000", runs[1]);
        StringAssert.StartsWith(runs[2], "run: deploy file ");
        var dry = Flash(image.Path, "--dry-run");
        StringAssert.Contains(dry.Output, "# nanoff 3.0.0: the verb form");
        StringAssert.Contains(dry.Output, $"\nnanoff deploy target ESP32_PSRAM_REV0 serialport COM3 image {image.Path} address 0x1E0000\n");
    }

    [TestMethod]
    [DataRow("1.9.3", "nanoff 1.9.3 is older than 2.0")]
    [DataRow("something else", "cannot tell the version of")]
    public void AnUnknownVersionStopsBeforeAnythingRuns(string version, string expected)
    {
        using var image = TempFile.With("image");
        using var nanoff = new FakeNanoff(version);
        var run = Flash(image.Path);
        Assert.AreEqual(ExitCodes.IoFailure, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, expected);
        Assert.AreEqual("", nanoff.Runs, "nothing ran");
    }
}
