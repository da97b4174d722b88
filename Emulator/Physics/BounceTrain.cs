using System;

namespace PosSlot.Emulator.Physics;

/// <summary>
/// A contact closing or opening: the first edge, then short returns to the old level spread over
/// the span, the last edge exactly at the span's end. Returns and gaps are 150..900 us (every gap
/// under a millisecond, as in measured switch bounce), so the firmware's 2 ms quiet window holds.
/// </summary>
public static class BounceTrain
{
    /// <summary>Adds the train; returns the time of its last edge (when the line has settled).</summary>
    public static long Add(StimulusBuffer buffer, int line, int level, long atUs, long spanUs, int edges, Random rnd)
    {
        buffer.Add(atUs, StimulusKind.Physical, line, level);
        int returns = Math.Max((int)(spanUs / 900) + (spanUs > 0 ? 1 : 0), (edges - 1) / 2);
        if (returns == 0 || spanUs < 300)
        {
            return atUs;
        }
        long step = spanUs / returns;
        long width = Math.Clamp(step / 3, 150, 400);
        for (int j = 1; j <= returns; j++)
        {
            long back = j == returns ? atUs + spanUs : atUs + step * j - rnd.Next(0, (int)Math.Max(1, step / 4));
            buffer.Add(back - width, StimulusKind.Physical, line, 1 - level);
            buffer.Add(back, StimulusKind.Physical, line, level);
        }
        return atUs + spanUs;
    }
}
