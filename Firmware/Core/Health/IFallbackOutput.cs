namespace PosSlot.Firmware.Health
{
    /// <summary>The FallbackEnable output line; the device layer drives a GPIO, tests and the emulator record it.</summary>
    public interface IFallbackOutput
    {
        void SetFallbackEnabled(bool enabled);
    }
}
