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
            if (keyFile != null && !dry && !File.Exists(keyFile))
            {
                throw new CliFailure(ExitCodes.BadInput, $"--key-file {keyFile}: no such file");
            }
            var imagePath = parse.GetValue(image)!;
            var deployment = Path.Combine(Path.GetTempPath(), $"posslot-deploy-{b.Name}.json");
            var request = new FlashRequest(b, portName, parse.GetValue(update), imagePath, keyFile, parse.GetValue(newBoard), deployment);
            var steps = NanoffPlan.For(request);
            var marker = Path.Combine(Path.GetTempPath(), "posslot-new-board.marker");
            var deploymentJson = NanoffPlan.DeploymentJson(request, marker);
            if (dry)
            {
                output.WriteLine($"# {b.Name}: {b.Description}");
                foreach (var step in steps)
                {
                    output.WriteLine($"# {step.What}");
                    output.WriteLine(step.CommandLine);
                }
                if (keyFile != null || request.NewBoard)
                {
                    output.WriteLine($"# {deployment}:");
                    output.WriteLine(deploymentJson);
                }
                return ExitCodes.Ok;
            }
            if (!File.Exists(imagePath))
            {
                throw new CliFailure(ExitCodes.BadInput, $"--image {imagePath}: no such file: build the firmware's .nfproj first (README: Building for a board)");
            }
            var nanoff = NanoffRunner.Find() ?? throw new CliFailure(ExitCodes.IoFailure,
                "nanoff not found: install it with `dotnet tool install -g nanoff` and make sure ~/.dotnet/tools (Windows: %USERPROFILE%\\.dotnet\\tools) is on PATH");
            if (keyFile != null || request.NewBoard)
            {
                File.WriteAllBytes(marker, [1]);
                File.WriteAllText(deployment, deploymentJson);
            }
            foreach (var step in steps)
            {
                output.WriteLine($"{step.What}: {step.CommandLine}");
                int code = NanoffRunner.Run(nanoff, step.Arguments);
                if (code != 0)
                {
                    throw new CliFailure(ExitCodes.IoFailure, $"{step.What} failed: {NanoffExitCodes.Explain(code)}");
                }
            }
            output.WriteLine($"{b.Name} on {portName}: flashed.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
