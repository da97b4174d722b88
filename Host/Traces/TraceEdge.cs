namespace PosSlot.Host.Traces;

/// <summary>One raw edge of a recorded trace: a line's logical level from TimeUs on.</summary>
public readonly record struct TraceEdge(long TimeUs, int Line, int Level);
