using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using PosSlot.Host.Cli;

namespace PosSlot.Benchmarks;

/// <summary>
/// `--replay-memory MB...`: writes a seeded edge trace of each size (cards every 2 s with bounce
/// on both lines), replays it with --json to a null output in this process and prints the peak
/// working set: constant memory in the trace's size (docs/performance.md).
/// </summary>
public static class ReplayMemory
{
    public static void Print(long[] megabytes)
    {
        foreach (long mb in megabytes)
        {
            var path = Path.Combine(Path.GetTempPath(), $"posslot-big-{mb}.edges.csv");
            try
            {
                long cards = Write(path, mb * 1_000_000);
                GC.Collect();
                var clock = Stopwatch.StartNew();
                var error = new StringWriter();
                int code = PosSlotCli.Run(new[] { "replay", path, "--json" }, TextWriter.Null, error);
                var p = Process.GetCurrentProcess();
                p.Refresh();
                Console.WriteLine($"| {new FileInfo(path).Length / 1e6:N0} MB | {cards:N0} | exit {code} | {clock.Elapsed.TotalSeconds:F0} s | {p.PeakWorkingSet64 / 1e6:F0} MB |");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Cards until the file reaches `bytes`; returns how many.</summary>
    static long Write(string path, long bytes)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("t_us,line,level\n");
        var rnd = new Random(5);
        long t = 1_000_000, cards = 0, written = 16;
        var line = new StringBuilder();
        while (written < bytes)
        {
            line.Clear();
            line.Append(t).Append(",detect,1\n").Append(t + 200).Append(",detect,0\n").Append(t + 500).Append(",detect,1\n");
            long seat = t + 80_000 + rnd.Next(60_000);
            for (int k = 0; k < 6; k++)
            {
                line.Append(seat + k * 350).Append(",contact,").Append(1 - k % 2).Append('\n');
            }
            line.Append(seat + 2100).Append(",contact,1\n");
            line.Append(seat + 700_000).Append(",contact,0\n").Append(seat + 760_000).Append(",detect,0\n");
            w.Write(line);
            written += line.Length;
            t += 2_000_000;
            cards++;
        }
        return cards;
    }
}
