using System;

namespace PosSlot.Host.Traces;

/// <summary>A trace file that cannot be read, with the 1-based line where it went wrong (0: the file as a whole).</summary>
public sealed class TraceFormatException(string path, int lineNumber, string problem)
    : Exception(lineNumber > 0 ? $"{path}:{lineNumber}: {problem}" : $"{path}: {problem}")
{
    public int LineNumber { get; } = lineNumber;
}
