using System.Collections.Generic;
using PosSlot.Firmware.Slot;
using PosSlot.Host.Reporting;
using PosSlot.Emulator.Reporting;

namespace PosSlot.Host.Replay;

/// <summary>What the firmware core made of a trace.</summary>
public sealed record ReplayResult(
    string File,
    bool DetectOnly,
    long? SampleRateHz,
    long EdgeCount,
    long Insertions,
    long Removals,
    IReadOnlyList<InsertionRecord> Records,
    IReadOnlyList<LoggedEvent> Events,
    long Glitches,
    long NoiseBursts,
    HealthSummary Health);
