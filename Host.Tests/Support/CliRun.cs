using System.IO;
using PosSlot.Host.Cli;

namespace PosSlot.Host.Tests.Support;

/// <summary>Runs posslot in-process and keeps what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = PosSlotCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
