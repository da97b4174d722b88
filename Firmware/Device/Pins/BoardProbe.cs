using PosSlot.Firmware.Console;
using PosSlot.Firmware.Device.Capture;

namespace PosSlot.Firmware.Device.Pins
{
    /// <summary>What `selftest` reads on the board: the pins now, and whether RMT and PCNT agree on the edges.</summary>
    public sealed class BoardProbe : IBoardProbe
    {
        readonly SlotInputPin[] _inputs;
        readonly PulseCountCapture[] _counters;
        readonly RmtLineCapture[] _rmt;

        /// <summary>Inputs indexed by SlotLine (null where the board has none); counters and RMT for detect and contact.</summary>
        public BoardProbe(SlotInputPin[] inputs, PulseCountCapture[] counters, RmtLineCapture[] rmt)
        {
            _inputs = inputs;
            _counters = counters;
            _rmt = rmt;
        }

        public int RawLevel(int line)
        {
            return line < _inputs.Length && _inputs[line] != null ? _inputs[line].Level : -1;
        }

        public string CapturePath { get { return "rmt"; } }

        public bool CaptureHealthy(out string detail)
        {
            bool ok = true;
            long apart = 0;
            for (int i = 0; i < _counters.Length; i++)
            {
                ok &= _counters[i].Agrees(_rmt[i].Edges);
                apart += _counters[i].Check.EdgesApart;
            }
            detail = ok ? "RMT edges agree with the PCNT counts" : "RMT and PCNT disagree by " + apart.ToString() + " edges in all";
            return ok;
        }
    }
}
