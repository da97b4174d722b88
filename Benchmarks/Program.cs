using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PosSlot.Benchmarks;
using PosSlot.Emulator.Scenarios;

// `--counts`: the deterministic work counters per edge (docs/performance.md), no timing.
// `--counts FIRMWARE.dll`: the managed calls and IL instructions of another firmware build (e.g. before a change).
if (args.Length > 0 && args[0] == "--counts")
{
    if (args.Length > 1)
    {
        foreach (var name in new[] { "fresh", "noisy" })
        {
            CoreWorkCounts.PrintInterpreted(name, System.IO.Path.GetFullPath(args[1]), new RecordedEdges(ScenarioCatalog.Find(name)!, 2000, 1));
        }
        return 0;
    }
    CoreWorkCounts.Print("fresh", 2000);
    CoreWorkCounts.Print("noisy", 2000);
    return 0;
}

// `--time-against FIRMWARE.dll`: ns per edge of another firmware build and this one, alternately in one process.
if (args.Length > 1 && args[0] == "--time-against")
{
    InterleavedEdgeTiming.Print(System.IO.Path.GetFullPath(args[1]));
    return 0;
}

// `--forecast-table`: the wear forecast's error table of docs/health.md (deterministic, no timing).
if (args.Length > 0 && args[0] == "--forecast-table")
{
    PosSlot.Emulator.Reporting.ForecastCheck.Print(Console.Out, args.Length > 1 ? args[1] : ".");
    return 0;
}

// `--store-budget [N]`: the store's bytes written and blocks erased (docs/performance.md), deterministic.
if (args.Length > 0 && args[0] == "--store-budget")
{
    StoreBudget.Print(args.Length > 1 ? int.Parse(args[1]) : 1_000_000);
    return 0;
}

// `--fuzz N`: the seeded input fuzz at size (docs/performance.md).
if (args.Length > 0 && args[0] == "--fuzz")
{
    return FuzzRun.Print(args.Length > 1 ? int.Parse(args[1]) : 100_000);
}

// `--console-fuzz N`: the diagnostics console under N seeded, damaged request lines (docs/performance.md).
if (args.Length > 0 && args[0] == "--console-fuzz")
{
    return ConsoleFuzzRun.Print(args.Length > 1 ? long.Parse(args[1]) : 1_000_000);
}

// `--replay-memory MB...`: replay's peak memory on generated traces of those sizes (docs/performance.md).
if (args.Length > 0 && args[0] == "--replay-memory")
{
    ReplayMemory.Print(args.Length > 1 ? Array.ConvertAll(args[1..], long.Parse) : new long[] { 10, 100, 1000 });
    return 0;
}

// `--fleet-ingest BOARDS ENGINE [RATE]`: fleet ingest through Mosquitto into sqlite or postgres (docs/performance.md).
if (args.Length > 0 && args[0] == "--fleet-ingest")
{
    return await FleetIngestRun.Print(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? args[2] : "sqlite", args.Length > 3 ? int.Parse(args[3]) : 1100);
}

// Edges per recorded run, so ns/op of CoreEdgeBenchmark can be read per edge (printed before the tables).
foreach (var name in new[] { "fresh", "noisy" })
{
    var edges = new RecordedEdges(ScenarioCatalog.Find(name)!, 2000, 1);
    Console.WriteLine($"recorded run '{name}': 2000 insertions, {edges.TimeUs.Length} edges");
}

// In-process: no auxiliary project builds, so it runs where only this solution's packages are restored.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(CoreEdgeBenchmark).Assembly).Run(args, config);
return 0;
