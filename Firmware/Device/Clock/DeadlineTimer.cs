using nanoFramework.Hardware.Esp32;

namespace PosSlot.Firmware.Device.Clock
{
    /// <summary>
    /// One HighResTimer one-shot armed at the core's next deadline (µs), so a debounce window closes on
    /// time instead of at the next 10 ms tick. The expiry only wakes the main loop: the core runs there.
    /// </summary>
    public sealed class DeadlineTimer
    {
        readonly HighResTimer _timer = new HighResTimer();
        readonly BoardClock _clock;
        readonly System.Threading.AutoResetEvent _wake;
        long _armedFor = Time.NoDeadline;

        public DeadlineTimer(BoardClock clock, System.Threading.AutoResetEvent wake)
        {
            _clock = clock;
            _wake = wake;
            _timer.OnHighResTimerExpired += OnExpired;
        }

        /// <summary>Arms the one-shot for deadlineUs (firmware clock); a later or equal deadline already armed is kept.</summary>
        public void Arm(long deadlineUs)
        {
            if (deadlineUs == _armedFor || deadlineUs == Time.NoDeadline)
            {
                return;
            }
            long delay = deadlineUs - _clock.NowUs;
            _timer.Stop();
            _timer.StartOneShot((ulong)(delay > 0 ? delay : 1));
            _armedFor = deadlineUs;
        }

        void OnExpired(HighResTimer sender, object e)
        {
            _armedFor = Time.NoDeadline;
            _wake.Set();
        }
    }
}
