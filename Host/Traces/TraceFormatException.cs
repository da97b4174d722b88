using System;

namespace PosSlot.Host.Traces;

/// <summary>A trace file that cannot be read, with the 1-based line where it went wrong.</summary>
public sealed class TraceFormatException(string path, int lineNumber, string problem)
    : Exception($"{path}:{lineNumber}: {problem}")
{
    public int LineNumber { get; } = lineNumber;
}
