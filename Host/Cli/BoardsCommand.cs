using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using PosSlot.Host.Boards;

namespace PosSlot.Host.Cli;

/// <summary><c>posslot boards [FILE...] [--dir DIR]</c>: lists the board files and checks each one's pin map.</summary>
public static class BoardsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Board files to check (default: every board in --dir).", Arity = ArgumentArity.ZeroOrMore };
        var dir = new Option<string?>("--dir") { Description = "The boards folder (default: ./boards, else boards/ of the repository posslot was built in)." };
        var command = new Command("boards",
            "List the reader boards (boards/*.json) and check each pin map: no pin used twice, no flash/PSRAM, UART0 or USB pins, no strapping pin on a slot input, no output or internal pull on an input-only pin, RMT channels and deploy address right for the MCU.")
        {
            files, dir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            IReadOnlyList<string> paths;
            try
            {
                paths = parse.GetValue(files) is { Length: > 0 } given ? given : BoardCatalog.Files(BoardCatalog.Locate(parse.GetValue(dir)));
            }
            catch (BoardException e)
            {
                throw new CliFailure(e.ExitCode, e.Message);
            }
            int bad = 0;
            foreach (var path in paths)
            {
                BoardFile board;
                try
                {
                    board = BoardFile.Load(path);
                }
                catch (BoardException e)
                {
                    output.WriteLine(e.Message);
                    bad++;
                    continue;
                }
                var problems = BoardRules.Check(board);
                output.WriteLine($"{board.Name,-20} {board.Mcu,-9} {board.NanoffTarget,-17} {board.FlashMb,2} MB  deploy {board.DeployAddress}  "
                    + (problems.Count == 0 ? "ok" : $"{problems.Count} problem(s)"));
                foreach (var p in problems)
                {
                    output.WriteLine($"  {Path.GetFileName(path)}: {p}");
                }
                bad += problems.Count > 0 ? 1 : 0;
            }
            if (bad > 0)
            {
                throw new CliFailure(ExitCodes.BadInput, $"{bad} of {paths.Count} board file(s) cannot be used");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
