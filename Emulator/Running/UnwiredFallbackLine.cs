using PosSlot.Firmware.Health;

namespace PosSlot.Emulator.Running;

/// <summary>
/// A FallbackEnable output with no hardware behind it, for replay, the emulator and benchmarks:
/// whether fallback is engaged is read from the FallbackController itself.
/// </summary>
public sealed class UnwiredFallbackLine : IFallbackOutput
{
    public void SetFallbackEnabled(bool enabled)
    {
    }
}
