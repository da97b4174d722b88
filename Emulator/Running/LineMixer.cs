using PosSlot.Emulator.Physics;
using PosSlot.Firmware;
using PosSlot.Firmware.Lines;

namespace PosSlot.Emulator.Running;

/// <summary>Where the mixed edges and read results go: the firmware core, or a recorder.</summary>
public interface IStimulusTarget
{
    void Edge(int line, int level, long timeUs);
    void ReadResult(bool ok, long timeUs);
}

/// <summary>
/// What the firmware's pins see: each line's physical level XOR any EMI glitch on it. Hands the
/// resulting edges, and the terminal's read results, to the target in time order.
/// </summary>
public sealed class LineMixer(IStimulusTarget target)
{
    /// <summary>Mixes straight into a firmware core.</summary>
    public LineMixer(SlotCore core)
        : this(new CoreTarget(core))
    {
    }

    readonly int[] _physical = new int[SlotLine.Count];
    readonly int[] _glitch = new int[SlotLine.Count];
    readonly int[] _seen = new int[SlotLine.Count];

    public long Edges { get; private set; }

    public void Feed(StimulusBuffer buffer) => Feed(buffer, buffer.Count);

    /// <summary>Feeds the first `count` stimuli only (the power went during the card).</summary>
    public void Feed(StimulusBuffer buffer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ref Stimulus s = ref buffer[i];
            switch (s.Kind)
            {
                case StimulusKind.ReadResult:
                    target.ReadResult(s.Level == 1, s.TimeUs);
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
                target.Edge(s.Line, level, s.TimeUs);
            }
        }
    }

}

/// <summary>Hands stimuli straight to a firmware core.</summary>
public sealed class CoreTarget(SlotCore core) : IStimulusTarget
{
    public void Edge(int line, int level, long timeUs) => core.OnEdge(line, level, timeUs);

    public void ReadResult(bool ok, long timeUs) => core.OnReadResult(ok, timeUs);
}
