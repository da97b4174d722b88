using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using PosSlot.Host.Boards;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Boards;

/// <summary>The board files, and the pin maps posslot boards refuses (QMK-style table: one change, one named refusal).</summary>
[TestClass]
public class BoardFileTests
{
    static string Boards => RepoPaths.Path("boards");

    [TestMethod]
    public void EveryBoardFileInTheRepositoryIsUsable()
    {
        var files = BoardCatalog.Files(Boards);
        CollectionAssert.IsSubsetOf(new[] { "esp32-devkitc", "esp32-s3-devkitc-1", "posslot-reader-v1" }, files.Select(Path.GetFileNameWithoutExtension).ToArray());
        foreach (var file in files)
        {
            var board = BoardFile.Load(file);
            Assert.AreEqual(Path.GetFileNameWithoutExtension(file), board.Name, "the file is named after its board");
            var problems = BoardRules.Check(board);
            Assert.AreEqual(0, problems.Count, file + ": " + string.Join("; ", problems));
        }
        var run = CliRun.Of("boards", "--dir", Boards);
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Output + run.Error);
        Assert.AreEqual(files.Count, run.Output.Split('\n').Count(l => l.TrimEnd().EndsWith(" ok")));
    }

    [TestMethod]
    [DataRow("esp32-devkitc", "pins.detect.gpio", 26, "GPIO 26 is used twice: detect and contact")]
    [DataRow("esp32-devkitc", "pins.contact.gpio", 6, "contact: GPIO 6 belongs to the SPI flash")]
    [DataRow("esp32-devkitc", "pins.detect.gpio", 12, "detect: GPIO 12 is a strapping pin")]
    [DataRow("esp32-devkitc", "pins.reader_fault.gpio", 0, "reader_fault: GPIO 0 is a strapping pin")]
    [DataRow("esp32-devkitc", "pins.fallback_enable.gpio", 34, "fallback_enable: GPIO 34 is input-only and cannot drive an output")]
    [DataRow("esp32-devkitc", "pins.detect.gpio", 35, "detect: GPIO 35 is input-only with no internal pull")]
    [DataRow("esp32-devkitc", "pins.console_tx.gpio", 1, "console_tx: GPIO 1 is UART0")]
    [DataRow("esp32-devkitc", "pins.console_tx.gpio", 36, "console_tx: GPIO 36 is input-only")]
    [DataRow("esp32-devkitc", "pins.led.gpio", 24, "led: the esp32 has no GPIO 24")]
    [DataRow("esp32-devkitc", "rmt_rx_channels.contact", 4, "detect and contact share channel 4")]
    [DataRow("esp32-s3-devkitc-1", "pins.detect.gpio", 19, "detect: GPIO 19 is the USB port")]
    [DataRow("esp32-s3-devkitc-1", "pins.contact.gpio", 35, "contact: GPIO 35 belongs to the PSRAM on this module")]
    [DataRow("esp32-s3-devkitc-1", "pins.detect.gpio", 46, "detect: GPIO 46 is a strapping pin")]
    [DataRow("esp32-s3-devkitc-1", "rmt_rx_channels.detect", 1, "receives on RMT channels 4..7, not 1")]
    [DataRow("posslot-reader-v1", "pins.led.gpio", 39, "led: GPIO 39 is input-only")]
    public void ABadPinIsRefusedByName(string board, string field, int value, string expected)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Boards, board + ".json")))!;
        var parts = field.Split('.');
        var node = parts[..^1].Aggregate(json, (n, p) => n[p]!);
        node[parts[^1]] = value;
        AssertRefused(json.ToJsonString(), expected);
    }

    [TestMethod]
    [DataRow("deploy_address", "0x1B0000", "the esp32 deployment partition is at 0x1E0000 or 0x1C0000")]
    [DataRow("nanoff_target", "ESP32_S3_OCTAL", "nanoff_target ESP32_S3_OCTAL is not a firmware for the esp32")]
    [DataRow("mcu", "esp8266", "mcu 'esp8266' must be esp32 or esp32-s3")]
    [DataRow("name", "My Board", "name 'My Board' must be lower-case")]
    public void AWrongFlashingFactIsRefused(string field, string value, string expected)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Boards, "esp32-devkitc.json")))!;
        json[field] = value;
        AssertRefused(json.ToJsonString(), expected);
    }

    [TestMethod]
    [DataRow("{\"name\": \"x\"}", "a required field is missing")]
    [DataRow("{\"name\": \"x\", \"colour\": \"red\"}", "unknown field")]
    [DataRow("not json", "wrong type or not valid JSON")]
    public void AFileThatIsNotABoardIsOneLine(string text, string expected) => AssertRefused(text, expected);

    static void AssertRefused(string json, string expected)
    {
        using var file = TempFile.With(json);
        var run = CliRun.Of("boards", file.Path);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Output, expected);
        StringAssert.Contains(run.Error, "cannot be used");
        var flash = CliRun.Of("flash", "--board", file.Path, "--port", "/dev/ttyUSB0", "--dry-run");
        Assert.AreEqual(ExitCodes.BadInput, flash.ExitCode, "flash refuses the same board: " + flash.Output);
        Assert.AreEqual("", flash.Output, "nothing is planned for a bad board");
    }

    [TestMethod]
    public void TheSchemaNamesEveryFieldTheToolReads()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Boards, "board.schema.json")))!;
        var top = schema["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "$schema").OrderBy(k => k).ToArray();
        var read = typeof(BoardFile).GetProperties().Where(p => p.Name is not ("Schema" or "Path"))
            .Select(p => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).OrderBy(k => k).ToArray();
        CollectionAssert.AreEqual(read, top);
        var pins = schema["properties"]!["pins"]!["properties"]!.AsObject().Select(p => p.Key).OrderBy(k => k).ToArray();
        var pinsRead = typeof(BoardPins).GetProperties().Select(p => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).OrderBy(k => k).ToArray();
        CollectionAssert.AreEqual(pinsRead, pins);
    }
}
