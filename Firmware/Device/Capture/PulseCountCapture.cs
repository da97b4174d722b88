using System.Device.Gpio;
using PosSlot.Firmware.Capture;

namespace PosSlot.Firmware.Device.Capture
{
    /// <summary>The PCNT unit on a slot line, counting both edges in hardware: the cross-check for the decoded edges.</summary>
    public sealed class PulseCountCapture
    {
        readonly GpioPulseCounter _counter;
        public readonly EdgeCountCheck Check = new EdgeCountCheck();

        public PulseCountCapture(int pin)
        {
            _counter = new GpioPulseCounter(pin, -1);
            _counter.Polarity = GpioPulsePolarity.Both;
            _counter.Start();
        }

        /// <summary>Compares with the edges decoded so far; call when no burst is in flight.</summary>
        public bool Agrees(long decodedEdges)
        {
            GpioPulseCount count = _counter.Read();
            return Check.Check(count.Count, decodedEdges);
        }
    }
}
