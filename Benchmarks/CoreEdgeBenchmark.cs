using BenchmarkDotNet.Attributes;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware;
using PosSlot.Firmware.Health;

namespace PosSlot.Benchmarks;

/// <summary>
/// Firmware-core cost per edge: the whole SlotFirmware (debounce, ordering, monitor, health,
/// log) fed a recorded run of 2,000 insertions. Divide by the run's edge count (printed at start)
/// for ns and bytes per edge. Two feeds: edges only (Advance once at the end), and as the board
/// does it, Advance at every deadline the core asks for before each edge (the one-shot timer).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class CoreEdgeBenchmark
{
    RecordedEdges _edges = null!;
    SlotFirmware _fw = null!;
    long _offsetUs;

    [Params("fresh", "noisy")]
    public string Scenario { get; set; } = "fresh";

    [Params("edges", "deadlines")]
    public string Feed { get; set; } = "edges";

    [GlobalSetup]
    public void Setup()
    {
        _edges = new RecordedEdges(ScenarioCatalog.Find(Scenario)!, 2000, 1);
        _fw = new SlotFirmware(new SlotConfig(), new HealthSettings { RatedCycles = long.MaxValue / 4 }, new UnwiredFallbackLine(), SlotFirmware.DefaultLogCapacity);
        FeedAll(); // warm: baseline learned, log wrapped, every path jitted
    }

    [Benchmark]
    public void FeedRecordedRun() => FeedAll();

    void FeedAll()
    {
        var core = _fw.Core;
        long[] t = _edges.TimeUs;
        int[] line = _edges.Line;
        int[] level = _edges.Level;
        bool timer = Feed == "deadlines";
        for (int i = 0; i < t.Length; i++)
        {
            long at = t[i] + _offsetUs;
            while (timer && core.NextDeadlineUs <= at)
            {
                core.Advance(core.NextDeadlineUs);
            }
            core.OnEdge(line[i], level[i], at);
        }
        _offsetUs += _edges.SpanUs;
        core.Advance(_offsetUs);
    }
}
