using System;
using System.Diagnostics;
using System.IO;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Benchmarks;

/// <summary>`--fuzz N`: the seeded input fuzz at size; prints cases, exits by code, failures and peak memory (docs/performance.md).</summary>
public static class FuzzRun
{
    public static int Print(int cases)
    {
        var rnd = new Random(11);
        var path = Path.Combine(Path.GetTempPath(), $"posslot-fuzz-{Environment.ProcessId}.txt");
        var exits = new System.Collections.Generic.SortedDictionary<int, int>();
        int replay = 0, emulate = 0, failures = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            for (int i = 0; i < cases; i++)
            {
                var (text, args) = InputFuzz.Case(rnd, i, path);
                var problem = InputFuzz.Check(text, args, path, out int code);
                exits[code] = (exits.TryGetValue(code, out int seen) ? seen : 0) + 1;
                if (args[0] == "replay") replay++; else emulate++;
                if (problem != null)
                {
                    failures++;
                    if (failures <= 5)
                    {
                        Console.WriteLine($"case {i}: {problem}");
                    }
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"cases {cases:N0} (replay {replay:N0}, emulate {emulate:N0}) in {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var (code, count) in exits)
        {
            Console.WriteLine($"  exit {code}: {count:N0}");
        }
        Console.WriteLine($"rule broken (a crash, a stack trace, more than one line, output with an error): {failures}");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:F0} MB");
        return failures == 0 ? 0 : 1;
    }
}
