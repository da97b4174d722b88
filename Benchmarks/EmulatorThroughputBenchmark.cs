using BenchmarkDotNet.Attributes;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Benchmarks;

/// <summary>Emulated insertions per wall second with full bounce physics, the real firmware and the observer.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class EmulatorThroughputBenchmark
{
    public const int Insertions = 100_000;

    [Params("fresh", "lifetime")]
    public string Scenario { get; set; } = "fresh";

    [Benchmark]
    public long Emulate100k() => EmulationRunner.Run(ScenarioCatalog.Find(Scenario)!, 1, Insertions).FirmwareInsertions;
}
