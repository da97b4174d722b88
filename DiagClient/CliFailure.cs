using System;

namespace PosSlot.DiagClient;

/// <summary>
/// Thrown by a command to stop with a one-line message and an exit code (ExitCodes.BadInput or IoFailure).
/// PosSlotCli.Run prints "posslot COMMAND: MESSAGE" on stderr; never a stack trace.
/// </summary>
public sealed class CliFailure : Exception
{
    public int ExitCode { get; }

    public CliFailure(int exitCode, string message) : base(message) => ExitCode = exitCode;

    public static CliFailure BadInput(string message) => new(ExitCodes.BadInput, message);

    public static CliFailure Io(string message) => new(ExitCodes.IoFailure, message);
}
