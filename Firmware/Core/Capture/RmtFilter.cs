using System;

namespace PosSlot.Firmware.Capture
{
    /// <summary>
    /// The ESP32 RMT receiver's hardware glitch filter. Its threshold counts cycles of the RMT source
    /// clock (APB, 80 MHz: 12.5 ns each) in an 8-bit register, so the longest pulse it can drop is 255
    /// cycles = 3.19 µs; `FilterThreshold = 100` would mean 1.25 µs, not 100 µs. It only keeps EMI
    /// needles out of the item buffer: the 100 µs glitches are removed by the core's own glitch filter
    /// (DebounceSettings.GlitchUs, DebouncedLine).
    /// </summary>
    public static class RmtFilter
    {
        /// <summary>The RMT source clock the threshold counts (APB), in Hz.</summary>
        public const int SourceClockHz = 80000000;

        /// <summary>The most the 8-bit threshold register holds, in source-clock cycles.</summary>
        public const int MaxCycles = 255;

        /// <summary>What the device drops in hardware, in ns: 3,187.5 ns (255 cycles), the most the register can do.</summary>
        public const int DeviceFilterNs = 3188;

        /// <summary>The threshold register value (source-clock cycles) for pulses shorter than `ns` nanoseconds, to the nearest cycle.</summary>
        public static byte CyclesFor(int ns)
        {
            long cycles = ((long)ns * (SourceClockHz / 1000000) + 500) / 1000;
            if (ns < 0 || cycles > MaxCycles)
            {
                throw new ArgumentOutOfRangeException("ns", "the RMT filter drops pulses up to 3,187 ns (255 APB cycles)");
            }
            return (byte)cycles;
        }

        /// <summary>The pulse width (ns) a threshold of `cycles` source-clock cycles drops.</summary>
        public static int NsFor(int cycles)
        {
            return (int)((long)cycles * 1000000000 / SourceClockHz);
        }
    }
}
