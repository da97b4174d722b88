using System.Collections.Generic;
using System.Text.Json;
using PosSlot.Host.Boards;

namespace PosSlot.Host.Flashing;

/// <summary>One nanoff run: its arguments, and what it does in words.</summary>
public sealed record NanoffStep(string What, IReadOnlyList<string> Arguments)
{
    /// <summary>The command line as a technician would type it (arguments with spaces quoted).</summary>
    public string CommandLine => "nanoff " + string.Join(' ', System.Linq.Enumerable.Select(Arguments, a => a.Contains(' ') ? "\"" + a + "\"" : a));
}

/// <summary>What to put on a board, and the nanoff runs that do it (nanoFirmwareFlasher README; docs/flashing.md).</summary>
public sealed record FlashRequest(BoardFile Board, string Port, bool UpdateFirmware, string Image, string? KeyFile, bool NewBoard, string DeploymentFile);

/// <summary>
/// The two command forms of nanoff. Options: nanoff 2.x (`nanoff --target T --serialport P --deploy ...`), the form
/// these commands were written and checked against (2.5.x). Verbs: nanoff 3.x, whose parser takes `nanoff flash ...`,
/// `nanoff deploy ...` with bare words (`target T serialport P`) and dropped the flat option form.
/// </summary>
public enum NanoffSyntax
{
    Options,
    Verbs,
}

public static class NanoffPlan
{
    /// <summary>The nanoff release line the option form was written against.</summary>
    public const string WrittenFor = "2.5";

    /// <summary>The form a nanoff version takes; null for one older than 2.0 (not supported).</summary>
    public static NanoffSyntax? SyntaxOf(System.Version version) => version.Major switch
    {
        2 => NanoffSyntax.Options,
        >= 3 => NanoffSyntax.Verbs,
        _ => null,
    };

    /// <summary>Where the store keeps its files on the board's drive; the device key and the new-board marker go there.</summary>
    public const string DeviceFolder = "I:\\posslot\\";

    public static IReadOnlyList<NanoffStep> For(FlashRequest r, NanoffSyntax syntax = NanoffSyntax.Options)
    {
        var steps = new List<NanoffStep>();
        var b = r.Board;
        bool verbs = syntax == NanoffSyntax.Verbs;
        if (r.UpdateFirmware)
        {
            steps.Add(new("write the nanoFramework firmware", verbs
                ? ["flash", "target", b.NanoffTarget, "serialport", r.Port]
                : ["--update", "--target", b.NanoffTarget, "--serialport", r.Port]));
        }
        steps.Add(new($"deploy the PosSlot image at {b.DeployAddress}", verbs
            ? ["deploy", "target", b.NanoffTarget, "serialport", r.Port, "image", r.Image, "address", b.DeployAddress]
            : ["--target", b.NanoffTarget, "--serialport", r.Port, "--deploy", "--image", r.Image, "--address", b.DeployAddress]));
        if (r.KeyFile != null || r.NewBoard)
        {
            steps.Add(new("copy files to the board's drive (I:)", verbs ? ["deploy", "file", r.DeploymentFile] : ["--filedeployment", r.DeploymentFile]));
        }
        return steps;
    }

    /// <summary>nanoff's file deployment description: the device key and, on a new board, the store's new-board marker.</summary>
    public static string DeploymentJson(FlashRequest r, string markerSource)
    {
        var files = new List<object>();
        if (r.KeyFile != null)
        {
            files.Add(new { DestinationFilePath = DeviceFolder + "device.key", SourceFilePath = r.KeyFile });
        }
        if (r.NewBoard)
        {
            files.Add(new { DestinationFilePath = DeviceFolder + PosSlot.Firmware.Persistence.StoreFiles.NewBoardMarker, SourceFilePath = markerSource });
        }
        return JsonSerializer.Serialize(new { SerialPort = r.Port, Files = files }, new JsonSerializerOptions { WriteIndented = true });
    }
}
