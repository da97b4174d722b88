using System.Collections.Generic;
using PosSlot.Emulator.Physics;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Benchmarks;

/// <summary>Edges of a run of simulated insertions (full bounce physics, EMI), recorded once for replay.</summary>
public sealed class RecordedEdges
{
    public long[] TimeUs { get; }
    public int[] Line { get; }
    public int[] Level { get; }
    public long SpanUs { get; }
    public int Insertions { get; }

    public RecordedEdges(Scenario scenario, int insertions, int seed)
    {
        var physics = new SlotPhysics(scenario, seed);
        var buffer = new StimulusBuffer();
        var times = new List<long>();
        var lines = new List<int>();
        var levels = new List<int>();
        var physical = new int[3];
        var glitch = new int[3];
        var seen = new int[3];
        long t = 1_000_000;
        for (int n = 1; n <= insertions; n++)
        {
            var truth = physics.Insert(n, t, buffer);
            for (int i = 0; i < buffer.Count; i++)
            {
                ref var s = ref buffer[i];
                if (s.Kind == StimulusKind.ReadResult)
                {
                    continue;
                }
                if (s.Kind == StimulusKind.Physical)
                {
                    physical[s.Line] = s.Level;
                }
                else
                {
                    glitch[s.Line] ^= 1;
                }
                int level = physical[s.Line] ^ glitch[s.Line];
                if (level != seen[s.Line])
                {
                    seen[s.Line] = level;
                    times.Add(s.TimeUs);
                    lines.Add(s.Line);
                    levels.Add(level);
                }
            }
            t = truth.EndUs + physics.GapAfter(truth);
        }
        TimeUs = times.ToArray();
        Line = lines.ToArray();
        Level = levels.ToArray();
        SpanUs = t;
        Insertions = insertions;
    }
}
