using PosSlot.Emulator.Physics;
using PosSlot.Firmware;
using PosSlot.Firmware.Lines;

namespace PosSlot.Emulator.Running;

/// <summary>
/// What the firmware's pins see: each line's physical level XOR any EMI glitch on it. Feeds the
/// resulting edges, and the terminal's read results, to the core in time order.
/// </summary>
public sealed class LineMixer(SlotCore core)
{
    readonly int[] _physical = new int[SlotLine.Count];
    readonly int[] _glitch = new int[SlotLine.Count];
    readonly int[] _seen = new int[SlotLine.Count];

    public long Edges { get; private set; }

    public void Feed(StimulusBuffer buffer)
    {
        for (int i = 0; i < buffer.Count; i++)
        {
            ref Stimulus s = ref buffer[i];
            switch (s.Kind)
            {
                case StimulusKind.ReadResult:
                    core.OnReadResult(s.Level == 1, s.TimeUs);
                    continue;
                case StimulusKind.Physical:
                    _physical[s.Line] = s.Level;
                    break;
                default:
                    _glitch[s.Line] ^= 1;
                    break;
            }
            int level = _physical[s.Line] ^ _glitch[s.Line];
            if (level != _seen[s.Line])
            {
                _seen[s.Line] = level;
                Edges++;
                core.OnEdge(s.Line, level, s.TimeUs);
            }
        }
    }
}
