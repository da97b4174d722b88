using System.Device.Gpio;

namespace PosSlot.Firmware.Device.Pins
{
    /// <summary>
    /// A slot line with no RMT channel left (the reader-fault line): managed pin events, stamped with
    /// the clock when the handler runs (late, by the event queue's delay: docs/architecture.md) and
    /// queued for the main loop. A fixed ring: a burst faster than the loop drains it is counted, not grown.
    /// </summary>
    public sealed class GpioEventLine
    {
        const int Size = 64;
        readonly SlotInputPin _input;
        readonly Clock.BoardClock _clock;
        readonly int[] _level = new int[Size];
        readonly long[] _time = new long[Size];
        int _head;
        int _tail;

        /// <summary>Edges lost because the ring was full.</summary>
        public long Overruns;

        public GpioEventLine(SlotInputPin input, Clock.BoardClock clock)
        {
            _input = input;
            _clock = clock;
            _input.Pin.ValueChanged += OnChanged;
        }

        void OnChanged(object sender, PinValueChangedEventArgs e)
        {
            long t = _clock.NowUs;
            int next = (_head + 1) % Size;
            if (next == _tail)
            {
                Overruns++;
                return;
            }
            _level[_head] = _input.Level;
            _time[_head] = t;
            _head = next;
        }

        /// <summary>Hands the queued edges to the core (main loop only).</summary>
        public int Drain(SlotCore core, int line)
        {
            int n = 0;
            while (_tail != _head)
            {
                core.OnEdge(line, _level[_tail], _time[_tail]);
                _tail = (_tail + 1) % Size;
                n++;
            }
            return n;
        }
    }
}
