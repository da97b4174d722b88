using System;
using System.CommandLine;
using System.IO;
using PosSlot.Host.Boards;
using PosSlot.Host.Flashing;

namespace PosSlot.Host.Cli;

/// <summary>
/// <c>posslot flash --board NAME|FILE --port PORT [--update-firmware] [--image FILE] [--key-file F] [--new-board] [--dry-run]</c>:
/// the nanoff runs that put PosSlot on a reader board, built from its board file. flash.ps1 wraps it.
/// </summary>
public static class FlashCommand
{
    public const string DefaultImage = "Firmware/bin/Release/PosSlot.Firmware.bin";

    /// <summary>What --dry-run prints for the private temporary folder a real run makes.</summary>
    public const string DryRunFolder = "$TMP";
    const string DeploymentName = "deploy.json";
    const string MarkerName = "new-board.marker";

    /// <summary>The form the installed nanoff takes, from `nanoff --version`; exit 3 when its version cannot be read or is older than 2.0.</summary>
    static NanoffSyntax SyntaxOf(string nanoff, out Version? version)
    {
        version = NanoffRunner.VersionOf(nanoff, out var printed)
            ?? throw CliFailure.Io($"cannot tell the version of {ShownPath.Of(nanoff)} (`nanoff --version` printed {PosSlot.Emulator.Reporting.Quote.Of(printed)}); posslot flash knows nanoff 2.x and 3.x");
        return NanoffPlan.SyntaxOf(version!)
            ?? throw CliFailure.Io($"nanoff {version} is older than 2.0, which posslot flash does not know: update it with `dotnet tool update -g nanoff`");
    }

    public static Command Create()
    {
        var board = new Option<string>("--board") { Description = "A board in --dir by name (see posslot boards) or a board file.", Required = true };
        var port = new Option<string>("--port") { Description = "The board's serial port: COM3, /dev/ttyUSB0 (nanoff --listports lists them).", Required = true };
        var update = new Option<bool>("--update-firmware") { Description = "Also write the nanoFramework firmware for the board's target first (a new or updated board)." };
        var image = new Option<string>("--image") { Description = "The deployment image (.bin) built from the firmware's .nfproj.", DefaultValueFactory = _ => DefaultImage };
        var key = new Option<string?>("--key-file") { Description = "The console's device key, copied to I:\\posslot\\device.key." };
        var newBoard = new Option<bool>("--new-board") { Description = "First install on this board: mark its store new, so an empty store reads as new rather than lost (docs/persistence.md)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the nanoff commands instead of running them." };
        var dir = new Option<string?>("--dir") { Description = "The boards folder (default: ./boards, else boards/ of the repository posslot was built in)." };
        var command = new Command("flash", "Flash PosSlot onto a reader board with nanoff, from the board's file (target, deploy address).")
        {
            board, port, update, image, key, newBoard, dryRun, dir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            BoardFile b;
            try
            {
                b = BoardCatalog.Find(parse.GetValue(board)!, parse.GetValue(dir));
            }
            catch (BoardException e)
            {
                throw new CliFailure(e.ExitCode, e.Message);
            }
            var problems = BoardRules.Check(b);
            if (problems.Count > 0)
            {
                throw new CliFailure(ExitCodes.BadInput, $"board {b.Name} cannot be used: {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more: posslot boards {b.Path})" : "")}");
            }
            var portName = parse.GetValue(port)!;
            if (portName.Length == 0 || portName.Length > 200 || portName.IndexOfAny(['"', '\n', '\r', '\0']) >= 0)
            {
                throw new CliFailure(ExitCodes.BadInput, $"--port {PosSlot.Emulator.Reporting.Quote.Of(portName)} is not a serial port name");
            }
            var keyFile = parse.GetValue(key);
            bool dry = parse.GetValue(dryRun);
            var imagePath = parse.GetValue(image)!;
            // Checked before anything runs, --dry-run included: the image is a regular file that fits a flash chip,
            // the key file is a real device key (random bytes would become the board's key).
            try
            {
                InputFile.Check(imagePath, "deployment image", InputFile.ImageMax);
            }
            catch (CliFailure e) when (e.ExitCode == ExitCodes.BadInput && !Path.Exists(imagePath))
            {
                throw CliFailure.BadInput($"--image {ShownPath.Of(imagePath)}: no such file: build the firmware's .nfproj first (README: Building for a board)");
            }
            catch (CliFailure e)
            {
                throw new CliFailure(e.ExitCode, "--image " + e.Message);
            }
            if (keyFile != null && KeyFiles.Load(keyFile, out var why) == null)
            {
                throw CliFailure.BadInput($"--key-file {ShownPath.Of(keyFile)}: not a device key file: {why} (make one with posslot keygen)");
            }
            bool copiesFiles = keyFile != null || parse.GetValue(newBoard);
            // The command form follows the installed nanoff's version (NanoffPlan.SyntaxOf), asked before anything runs.
            var nanoff = NanoffRunner.Find();
            Version? version = null;
            var syntax = nanoff == null ? NanoffSyntax.Options : SyntaxOf(nanoff, out version);
            if (dry)
            {
                var planned = new FlashRequest(b, portName, parse.GetValue(update), imagePath, keyFile, parse.GetValue(newBoard), DryRunFolder + "/" + DeploymentName);
                output.WriteLine($"# {b.Name}: {b.Description}");
                output.WriteLine(nanoff == null
                    ? $"# nanoff not found: the commands for nanoff {NanoffPlan.WrittenFor} (option form)"
                    : $"# nanoff {version}: the {(syntax == NanoffSyntax.Verbs ? "verb" : "option")} form");
                foreach (var step in NanoffPlan.For(planned, syntax))
                {
                    output.WriteLine($"# {step.What}");
                    output.WriteLine(step.CommandLine);
                }
                if (copiesFiles)
                {
                    output.WriteLine($"# {DryRunFolder}: a private temporary folder (mode 700) made for the run and removed after; {DryRunFolder}/{DeploymentName}:");
                    output.WriteLine(NanoffPlan.DeploymentJson(planned, DryRunFolder + "/" + MarkerName));
                }
                return ExitCodes.Ok;
            }
            if (nanoff == null)
            {
                throw new CliFailure(ExitCodes.IoFailure,
                    "nanoff not found: install it with `dotnet tool install -g nanoff` and make sure ~/.dotnet/tools (Windows: %USERPROFILE%\\.dotnet\\tools) is on PATH");
            }
            // The deployment description and the marker live in a folder only this user can read (mkdtemp, 700), removed after.
            var folder = copiesFiles ? Directory.CreateTempSubdirectory("posslot-deploy-") : null;
            try
            {
                var request = new FlashRequest(b, portName, parse.GetValue(update), imagePath, keyFile, parse.GetValue(newBoard),
                    folder == null ? "" : Path.Combine(folder.FullName, DeploymentName));
                if (folder != null)
                {
                    var marker = Path.Combine(folder.FullName, MarkerName);
                    File.WriteAllBytes(marker, [1]);
                    File.WriteAllText(request.DeploymentFile, NanoffPlan.DeploymentJson(request, marker));
                }
                foreach (var step in NanoffPlan.For(request, syntax))
                {
                    output.WriteLine($"{step.What}: {step.CommandLine}");
                    int code = NanoffRunner.Run(nanoff, step.Arguments);
                    if (code != 0)
                    {
                        throw new CliFailure(ExitCodes.IoFailure, $"{step.What} failed: {NanoffExitCodes.ExplainExit(code)}");
                    }
                }
            }
            finally
            {
                folder?.Delete(true);
            }
            output.WriteLine($"{b.Name} on {portName}: flashed.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
