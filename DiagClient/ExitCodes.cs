namespace PosSlot.DiagClient;

/// <summary>
/// posslot's exit codes, the same for every command (README and --help list them).
/// A command reports bad input or an I/O failure by returning BadInput/IoFailure after writing one line to
/// the error writer, or simply by throwing <see cref="CliFailure"/> (PosSlotCli.Run prints its one line).
/// Anything else that escapes a command is a crash: one line plus a crash log path, exit <see cref="Crash"/>.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run's result disagreed with the truth (emulate) or it found a problem it was asked to find.</summary>
    public const int Mismatch = 1;

    /// <summary>Bad input or usage: a malformed option, trace or scenario, an unknown name; one line naming the option or FILE:LINE:COLUMN.</summary>
    public const int BadInput = 2;

    /// <summary>An I/O failure: an unwritable report, an unreadable port or file.</summary>
    public const int IoFailure = 3;

    /// <summary>posslot diag: the board refused the command (its error code and message are printed).</summary>
    public const int DeviceRefused = 4;

    /// <summary>posslot diag: the port answered, but not with valid console frames.</summary>
    public const int DeviceGarbage = 5;

    /// <summary>An unexpected exception (a bug): one line on stderr and the stack trace in a crash log.</summary>
    public const int Crash = 70;

    /// <summary>The table printed by --help and in README.</summary>
    public const string Table = "Exit codes: 0 done; 1 the result disagreed with the truth (emulate) or found the problem asked for; "
        + "2 bad input or usage; 3 I/O failure (unwritable output, unreadable file or port, no reply); "
        + "4 the board refused the command; 5 the port answered with something other than console frames; 70 unexpected error (see the crash log named).";
}
