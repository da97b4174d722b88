using System;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Benchmarks;

/// <summary>
/// The store's flash budget (docs/performance.md), deterministic: bytes written and 4 KB blocks
/// erased on the simulated flash over the emulator's lifetime run and over 1,000,000 insertions
/// (20x a 50,000-cycle rated life), against the targets of issue 8.
/// </summary>
public static class StoreBudget
{
    const long DriveBlocks = 256 * 1024 / SimulatedFlash.BlockSize;
    const long EraseCycles = 100_000;

    public static void Print(int millionRun)
    {
        Console.WriteLine("| run | insertions | bytes written | per insertion | blocks erased (log model) | per 1,000 | share of endurance | blocks erased (LittleFS model) | per 1,000 | share of endurance |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row("lifetime", ScenarioCatalog.Find("lifetime")!, null);
        Row("lifetime, 60 power cuts", ScenarioCatalog.Find("lifetime")! with { PowerCuts = 60 }, null);
        Row("lifetime to 1,000,000", ScenarioCatalog.Find("lifetime")!, millionRun);
        Row("noisy (EMI, restless users)", ScenarioCatalog.Find("noisy")!, null);
        Console.WriteLine();
        Console.WriteLine($"Drive: 256 KB = {DriveBlocks} blocks x {EraseCycles:N0} erase cycles = {DriveBlocks * EraseCycles:N0} block erases; "
            + "targets: <= 64 bytes per insertion, <= 1 % of the endurance over 1,000,000 insertions.");
    }

    static void Row(string name, Scenario scenario, int? insertions)
    {
        var r = EmulationRunner.Run(scenario, 1, insertions);
        long n = r.TruthInsertions;
        var s = r.Store;
        double share = (double)s.BlocksErased / (DriveBlocks * EraseCycles);
        double cowShare = (double)s.LittleFsBlocksErased / (DriveBlocks * EraseCycles);
        Console.WriteLine($"| {name} | {n:N0} | {s.BytesWritten:N0} | {(double)s.BytesWritten / n:F1} | {s.BlocksErased:N0} | "
            + $"{s.BlocksErased * 1000.0 / n:F1} | {share:P3} | {s.LittleFsBlocksErased:N0} | {s.LittleFsBlocksErased * 1000.0 / n:F1} | {cowShare:P2} |");
    }
}
