using System.Collections.Generic;
using PosSlot.Emulator.Physics;
using PosSlot.Emulator.Running;
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
        var recorder = new Recorder();
        var mixer = new LineMixer(recorder);
        long t = 1_000_000;
        for (int n = 1; n <= insertions; n++)
        {
            var truth = physics.Insert(n, t, buffer);
            mixer.Feed(buffer);
            t = truth.EndUs + physics.GapAfter(truth);
        }
        TimeUs = recorder.Times.ToArray();
        Line = recorder.Lines.ToArray();
        Level = recorder.Levels.ToArray();
        SpanUs = t;
        Insertions = insertions;
    }

    /// <summary>Keeps the edges the mixer produces; read results are not edges and are dropped.</summary>
    sealed class Recorder : IStimulusTarget
    {
        public List<long> Times { get; } = new();
        public List<int> Lines { get; } = new();
        public List<int> Levels { get; } = new();

        public void Edge(int line, int level, long timeUs)
        {
            Times.Add(timeUs);
            Lines.Add(line);
            Levels.Add(level);
        }

        public void ReadResult(bool ok, long timeUs)
        {
        }
    }
}
