using PosSlot.Firmware.Slot;

namespace PosSlot.Host.Replay;

/// <summary>Where a replay goes as it runs: each insertion when it finishes, the summary at the end (constant memory).</summary>
public interface IReplayOutput
{
    /// <summary>Before the first edge: what the checking pass found.</summary>
    void Begin(string file, bool detectOnly, long? sampleRateHz, long edges);

    void Record(InsertionRecord r);

    void End(ReplayResult result);
}
