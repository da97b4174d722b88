using System.CommandLine;
using System.IO;

namespace PosSlot.Host.Cli;

/// <summary>The posslot command line. Run takes its writers so tests drive it in-process.</summary>
public static class PosSlotCli
{
    public static RootCommand Create()
    {
        return new RootCommand("posslot: bench and field tool for the PosSlot card-slot firmware.\n"
            + "Exit codes: 0 done; 1 the emulated firmware's insertion count disagreed with the truth; 2 bad input (file, trace, scenario, option).")
        {
            EmulateCommand.Create(),
            ReplayCommand.Create(),
        };
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return Create().Parse(args).Invoke(configuration);
    }
}
