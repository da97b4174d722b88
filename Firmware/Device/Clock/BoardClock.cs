using nanoFramework.Hardware.Esp32;

namespace PosSlot.Firmware.Device.Clock
{
    /// <summary>
    /// The firmware clock: HighResTimer's µs since boot, moved on by where the stored state left off,
    /// so the slot's clock never runs backwards across a reboot (the store and the log rely on it).
    /// </summary>
    public sealed class BoardClock
    {
        long _offsetUs;

        public long NowUs { get { return (long)HighResTimer.GetCurrent() + _offsetUs; } }

        /// <summary>Called once after boot recovered the state: continue from resumeUs.</summary>
        public void ResumeFrom(long resumeUs)
        {
            long now = (long)HighResTimer.GetCurrent();
            if (resumeUs > now)
            {
                _offsetUs = resumeUs - now;
            }
        }
    }
}
