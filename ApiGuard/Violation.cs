namespace PosSlot.ApiGuard;

/// <summary>One thing the firmware uses that the board cannot run, and the source type that uses it.</summary>
public sealed record Violation(string Used, string Reason, string UsedBy)
{
    public override string ToString() => $"{Used}: {Reason} (used by {UsedBy})";
}
