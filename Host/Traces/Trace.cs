using System.Collections.Generic;

namespace PosSlot.Host.Traces;

/// <summary>A recording turned into time-ordered edges.</summary>
/// <param name="EndUs">When the recording ends (the last sample, or the last edge).</param>
/// <param name="SampleRateHz">The sample rate, or null for an edge recording.</param>
/// <param name="DetectOnly">True when the contact line is taken to follow detect.</param>
public sealed record Trace(IReadOnlyList<TraceEdge> Edges, long EndUs, long? SampleRateHz, bool DetectOnly);
