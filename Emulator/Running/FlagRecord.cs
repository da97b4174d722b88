namespace PosSlot.Emulator.Running;

/// <summary>A flag the firmware raised: when (insertion, µs), which fault, what level and why.</summary>
public sealed record FlagRecord(long Insertion, long TimeUs, string Fault, string Level, string Reason);
