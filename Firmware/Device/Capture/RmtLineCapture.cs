using nanoFramework.Hardware.Esp32.Rmt;
using PosSlot.Firmware.Capture;

namespace PosSlot.Firmware.Device.Capture
{
    /// <summary>
    /// One slot line on an RMT receive channel: the hardware times every level in 1 µs ticks; Poll
    /// collects finished bursts and hands them to the core through RmtBurst, anchored at the clock.
    /// The RMT's hardware filter counts 80 MHz APB cycles, not µs ticks: it drops only pulses under
    /// 3.19 µs (RmtFilter). The 100 µs glitches are removed by the core's glitch filter.
    /// </summary>
    public sealed class RmtLineCapture
    {
        /// <summary>No edge for this long (µs) ends a burst: longer than any bounce gap, well under a human action.</summary>
        public const int IdleUs = 12000;
        /// <summary>Hardware filter threshold in APB cycles (12.5 ns): 255 = 3.19 µs, the most the register holds.</summary>
        static readonly byte FilterApbCycles = RmtFilter.CyclesFor(RmtFilter.DeviceFilterNs);
        const int MaxItems = 128;

        readonly ReceiverChannel _channel;
        readonly RmtBurst _burst;
        readonly int[] _levels = new int[MaxItems * 2];
        readonly int[] _durations = new int[MaxItems * 2];

        /// <summary>`channel` from the board file: RX channels differ by chip (ESP32 0-7, S3 4-7).</summary>
        public RmtLineCapture(int channel, int pin, RmtBurst burst)
        {
            _burst = burst;
            ReceiverChannelSettings settings = new ReceiverChannelSettings(channel, pin);
            settings.EnableFilter = true;
            settings.FilterThreshold = FilterApbCycles;
            settings.IdleThreshold = (ushort)IdleUs;
            _channel = new ReceiverChannel(settings);
            _channel.Start(true);
        }

        public long Edges { get { return _burst.Edges; } }

        /// <summary>Collects the bursts finished since the last poll (nowUs: the clock at collection). Returns the edges fed.</summary>
        public int Poll(long nowUs)
        {
            RmtCommand[] items = _channel.GetAllItems();
            if (items == null || items.Length == 0)
            {
                return 0;
            }
            int n = 0;
            for (int i = 0; i < items.Length && n + 2 <= _levels.Length; i++)
            {
                RmtCommand c = items[i];
                _levels[n] = c.Level0 ? 1 : 0;
                _durations[n++] = c.Duration0;
                if (c.Duration0 == 0)
                {
                    break;
                }
                _levels[n] = c.Level1 ? 1 : 0;
                _durations[n++] = c.Duration1;
                if (c.Duration1 == 0)
                {
                    break;
                }
            }
            // The burst ended IdleUs after its last edge; it was read now, at most one poll later.
            return _burst.Feed(_levels, _durations, n, nowUs - IdleUs);
        }
    }
}
