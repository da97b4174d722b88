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
        var root = new RootCommand("posslot: bench and field tool for the PosSlot card-slot firmware.\n" + ExitCodes.Table)
        {
            EmulateCommand.Create(),
            ReplayCommand.Create(),
            BoardsCommand.Create(),
            FlashCommand.Create(),
            DiagCommand.Create(),
            KeygenCommand.Create(),
            AgentCommand.Create(),
            FleetCommand.Create(),
        };
        PathOptions.RefuseEmpty(root);
        return root;
    }

    /// <summary>"  boards <FILE>" becomes "  boards [FILE]" (same width, so the columns stay) for a command whose arguments are all optional.</summary>
    static string OptionalArgumentsInList(RootCommand root, string help)
    {
        foreach (var command in root.Subcommands)
        {
            if (command.Arguments.Count == 1 && command.Arguments[0].Arity.MinimumNumberOfValues == 0)
            {
                var name = command.Arguments[0].HelpName ?? command.Arguments[0].Name;
                help = help.Replace($"  {command.Name} <{name}>", $"  {command.Name} [{name}]");
            }
        }
        return help;
    }

    /// <summary>"posslot diag status": the command as the user typed it, parents included.</summary>
    static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new System.Collections.Generic.List<string>();
        for (var r = result; r != null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (r.Command is not RootCommand)
            {
                names.Insert(0, r.Command.Name);
            }
        }
        return string.Join(' ', ["posslot", .. names]);
    }

    /// <summary>
    /// Parses and runs one command under the exit-code convention (ExitCodes): help only on request (exit 0),
    /// a parse error is one line naming the option (exit 2), a CliFailure is its one line and code, anything
    /// else is a crash: one line and a crash log with the stack trace (exit 70).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        output = new GuardedOutput(output);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var root = Create();
        var parse = root.Parse(args.Length == 0 || (args.Length == 1 && args[0] == "help") ? ["--help"] : args);
        if (parse.Action is System.CommandLine.Help.HelpAction && parse.CommandResult.Command == root)
        {
            // The command list shows every argument as <X>, as if required; an optional one reads [X] here.
            var help = new StringWriter();
            int code = parse.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
            try
            {
                output.Write(OptionalArgumentsInList(root, help.ToString()));
                output.Flush();
            }
            catch (CliFailure e)
            {
                error.WriteLine($"posslot: {e.Message}");
                return e.ExitCode;
            }
            return code;
        }
        var commandName = CommandPath(parse.CommandResult);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"{commandName}: {UsageMessage.Of((parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized")) ?? parse.Errors[0]).Message)} (see {commandName} --help)");
            return ExitCodes.BadInput;
        }
        try
        {
            int code = parse.Invoke(configuration);
            output.Flush();
            return code;
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
