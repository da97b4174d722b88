using PosSlot.Emulator.Running;

namespace PosSlot.Emulator.Capture;

/// <summary>
/// How the board's capture layer hands the pins' edges to the firmware core: what reaches the
/// core, with which timestamps, and when. Flush delivers what the layer still holds once a card's
/// activity is over (the line has been idle long enough).
/// </summary>
public interface ICaptureModel : IStimulusTarget
{
    void Flush();
}
