namespace PosSlot.Host.Cli;

/// <summary>posslot's exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A run that worked and found the slot failed (emulate: the firmware disagreed with the truth).</summary>
    public const int Mismatch = 1;

    /// <summary>Bad input: an unreadable file, a malformed trace or scenario, an unknown name.</summary>
    public const int BadInput = 2;
}
