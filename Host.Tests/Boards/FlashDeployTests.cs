using System.IO;
using System.Linq;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Boards;

/// <summary>
/// Issue 19 item 14: flash deploys only a real device key, checks --image and --key-file even with
/// --dry-run, and keeps its temporary files in a private folder that is gone afterwards.
/// </summary>
[TestClass]
public class FlashDeployTests
{
    static string Boards => RepoPaths.Path("boards");

    [TestMethod]
    public void RandomBytesAreNotDeployedAsAKey()
    {
        using var image = TempFile.With("image");
        using var random = new TempFile();
        File.WriteAllBytes(random.Path, Enumerable.Range(0, 200).Select(i => (byte)(i * 37)).ToArray());
        foreach (var dry in new[] { true, false })
        {
            using var nanoff = new FakeNanoff();
            string[] args = ["flash", "--board", "esp32-devkitc", "--port", "COM3", "--image", image.Path, "--key-file", random.Path, "--dir", Boards];
            var run = CliRun.Of(dry ? [.. args, "--dry-run"] : args);
            Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Output + run.Error);
            StringAssert.Contains(run.Error, $"--key-file {random.Path}: not a device key file");
            Assert.AreEqual("", run.Output);
            Assert.AreEqual("", nanoff.Runs, "nanoff never ran");
        }
    }

    [TestMethod]
    public void DryRunChecksTheImageAndTheKeyFileExist()
    {
        using var image = TempFile.With("image");
        var noImage = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "COM3", "--image", "/no/such/app.bin", "--dry-run", "--dir", Boards);
        Assert.AreEqual(ExitCodes.BadInput, noImage.ExitCode);
        StringAssert.Contains(noImage.Error, "--image /no/such/app.bin: no such file");
        var noKey = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "COM3", "--image", image.Path, "--key-file", "/no/such.key", "--dry-run", "--dir", Boards);
        Assert.AreEqual(ExitCodes.BadInput, noKey.ExitCode);
        StringAssert.Contains(noKey.Error, "--key-file /no/such.key: not a device key file: no such file");
    }

    [TestMethod]
    public void TheDeploymentFilesAreInAPrivateFolderRemovedAfter()
    {
        using var image = TempFile.With("image");
        var keyDir = Directory.CreateTempSubdirectory("posslot-key-");
        try
        {
            var key = Path.Combine(keyDir.FullName, "board.key");
            Assert.AreEqual(0, CliRun.Of("keygen", "--serial", "PS-9", "--out", key).ExitCode);
            using var nanoff = new FakeNanoff();
            var run = CliRun.Of("flash", "--board", "esp32-devkitc", "--port", "COM3", "--image", image.Path, "--key-file", key, "--new-board", "--dir", Boards);
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Output + run.Error);
            var runs = nanoff.Runs;
            StringAssert.Contains(runs, "mode: 700");
            StringAssert.Contains(runs, $"\"SourceFilePath\": \"{key}\"");
            var deployment = runs.Split('\n').Single(l => l.StartsWith("run: --filedeployment "))["run: --filedeployment ".Length..];
            Assert.IsFalse(Directory.Exists(Path.GetDirectoryName(deployment)), "the private folder is removed after the run");
        }
        finally
        {
            keyDir.Delete(true);
        }
    }
}
