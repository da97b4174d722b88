using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>Stands in for the FallbackEnable GPIO: remembers its level and how often it changed.</summary>
    public sealed class FallbackLine : IFallbackOutput
    {
        public bool Enabled;
        public int Changes;

        public void SetFallbackEnabled(bool enabled)
        {
            if (enabled != Enabled)
            {
                Changes++;
            }
            Enabled = enabled;
        }
    }
}
