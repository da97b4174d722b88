using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace PosSlot.Benchmarks;

/// <summary>
/// `--time-against OLD/PosSlot.Firmware.dll`: ns per edge of another firmware build and this one,
/// fed the recorded runs alternately in one process, round after round, as CoreEdgeBenchmark's
/// deadlines feed. On a shared machine a whole benchmark run of one build can land in a busy
/// minute and the other's in a quiet one; alternating short rounds puts both under the same load,
/// and the fastest rounds are the ones nothing else interrupted. Both builds are called through
/// delegates, so the figures include that overhead and compare only with each other.
/// </summary>
public static class InterleavedEdgeTiming
{
    public static void Print(string otherFirmwarePath)
    {
        string thisFirmwarePath = typeof(PosSlot.Firmware.SlotCore).Assembly.Location;
        foreach (var (name, rounds) in new[] { ("fresh", 400), ("noisy", 60) })
        {
            var edges = new RecordedEdges(PosSlot.Emulator.Scenarios.ScenarioCatalog.Find(name)!, 2000, 1);
            var feeds = new[] { new Feed(otherFirmwarePath, "other-" + name), new Feed(thisFirmwarePath, "this-" + name) };
            var ns = new[] { new List<double>(), new List<double>() };
            for (int r = -3; r < rounds; r++)
            {
                for (int k = 0; k < feeds.Length; k++)
                {
                    double perEdge = feeds[k].Round(edges);
                    if (r >= 0)
                    {
                        ns[k].Add(perEdge);
                    }
                }
            }
            for (int k = 0; k < feeds.Length; k++)
            {
                ns[k].Sort();
                var s = ns[k];
                Console.WriteLine($"{name} {(k == 0 ? "other" : "this ")}: {edges.TimeUs.Length} edges, {s.Count} rounds, ns per edge: fastest {s[0]:0.0}, 10th percentile {s[s.Count / 10]:0.0}, median {s[s.Count / 2]:0.0}  ({(k == 0 ? otherFirmwarePath : thisFirmwarePath)})");
            }
        }
    }

    /// <summary>One firmware build, loaded on its own, fed as the board feeds it.</summary>
    sealed class Feed
    {
        readonly Func<long> _next;
        readonly Action<int, int, long> _onEdge;
        readonly Func<long, long> _advance;
        long _offsetUs;

        public Feed(string firmwarePath, string name)
        {
            Assembly fw = new AssemblyLoadContext(name).LoadFromAssemblyPath(firmwarePath);
            Type T(string type) => fw.GetType(type, throwOnError: true)!;
            object health = Activator.CreateInstance(T("PosSlot.Firmware.Health.HealthSettings"))!;
            health.GetType().GetField("RatedCycles")!.SetValue(health, long.MaxValue / 4);
            object firmware = Activator.CreateInstance(T("PosSlot.Firmware.SlotFirmware"),
                Activator.CreateInstance(T("PosSlot.Firmware.SlotConfig")), health,
                Activator.CreateInstance(T("PosSlot.Firmware.Health.DisconnectedFallbackOutput")), 128)!;
            object core = firmware.GetType().GetProperty("Core")!.GetValue(firmware)!;
            Type coreType = core.GetType();
            _next = coreType.GetProperty("NextDeadlineUs")!.GetMethod!.CreateDelegate<Func<long>>(core);
            _onEdge = coreType.GetMethod("OnEdge")!.CreateDelegate<Action<int, int, long>>(core);
            _advance = coreType.GetMethod("Advance")!.CreateDelegate<Func<long, long>>(core);
        }

        /// <summary>One pass over the run with Advance at every deadline; returns ns per edge.</summary>
        public double Round(RecordedEdges edges)
        {
            long[] t = edges.TimeUs;
            int[] line = edges.Line;
            int[] level = edges.Level;
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < t.Length; i++)
            {
                long at = t[i] + _offsetUs;
                while (_next() <= at)
                {
                    _advance(_next());
                }
                _onEdge(line[i], level[i], at);
            }
            _offsetUs += edges.SpanUs;
            _advance(_offsetUs);
            watch.Stop();
            return watch.Elapsed.TotalMilliseconds * 1e6 / t.Length;
        }
    }
}
