using System.Collections.Generic;
using PosSlot.Emulator.Reporting;

namespace PosSlot.Host.Replay;

/// <summary>
/// What the firmware core made of a trace, once it has run. The insertions themselves went to the
/// output as they finished; the notable events are kept up to ReplayCollector.MaxEvents (the rest
/// counted), so a trace of any size replays in bounded memory.
/// </summary>
public sealed record ReplayResult(
    string File,
    bool DetectOnly,
    long? SampleRateHz,
    long EdgeCount,
    long Insertions,
    long Removals,
    long Records,
    IReadOnlyList<LoggedEvent> Events,
    long EventsNotKept,
    long Glitches,
    long NoiseBursts,
    HealthSummary Health);
