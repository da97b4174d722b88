using System;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace PosSlot.Host.Cli;

/// <summary>The posslot command line. Run takes its writers so tests drive it in-process.</summary>
public static class PosSlotCli
{
    public static RootCommand Create()
    {
        return new RootCommand("posslot: bench and field tool for the PosSlot card-slot firmware.\n" + ExitCodes.Table)
        {
            EmulateCommand.Create(),
            ReplayCommand.Create(),
            BoardsCommand.Create(),
            FlashCommand.Create(),
            DiagCommand.Create(),
            KeygenCommand.Create(),
            FleetCommand.Create(),
        };
    }

    /// <summary>
    /// Parses and runs one command under the exit-code convention (ExitCodes): help only on request (exit 0),
    /// a parse error is one line naming the option (exit 2), a CliFailure is its one line and code, anything
    /// else is a crash: one line and a crash log with the stack trace (exit 70).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var root = Create();
        if (args.Length == 0 || (args.Length == 1 && args[0] == "help"))
        {
            return root.Parse(["--help"]).Invoke(configuration);
        }
        var parse = root.Parse(args);
        var commandName = parse.CommandResult.Command == root ? "posslot" : "posslot " + parse.CommandResult.Command.Name;
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"{commandName}: {UsageMessage.Of((parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized")) ?? parse.Errors[0]).Message)} (see {commandName} --help)");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(configuration);
        }
        catch (CliFailure e)
        {
            error.WriteLine($"{commandName}: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e)
        {
            error.WriteLine($"{commandName}: unexpected error ({CrashLog.Write(e, args)}); please report it with that file");
            return ExitCodes.Crash;
        }
    }
}
