using PosSlot.Emulator.Running;

namespace PosSlot.Emulator.Capture;

/// <summary>Edges straight into the core with their true times (what the emulator always did).</summary>
public sealed class IdealCapture(IStimulusTarget next) : ICaptureModel
{
    public void Edge(int line, int level, long timeUs) => next.Edge(line, level, timeUs);

    public void ReadResult(bool ok, long timeUs) => next.ReadResult(ok, timeUs);

    public void Flush()
    {
    }
}
