using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly.Heap
{
    /// <summary>The largest nanoFramework heap estimate one test class keeps alive, and in which test.</summary>
    public sealed class ClassPeak
    {
        public string Class = "";
        public long Bytes;
        public string Test = "";
        public int Tests;
        public long Samples;
        public IReadOnlyDictionary<string, long> ByType = new Dictionary<string, long>();
    }

    /// <summary>
    /// Runs the single-source test classes (everything in Firmware.Tests but HostOnly/) one test at a
    /// time under a PeakProbe, as the board's test runner would, and reports each class's peak.
    /// </summary>
    public static class TestClassPeaks
    {
        /// <summary>Checkpoints between samples: every insertion or card would cost a walk each.</summary>
        public const int Stride = 32;

        public static Type[] SingleSourceClasses() => typeof(Rig).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<TestClassAttribute>() != null && !t.Namespace!.StartsWith("PosSlot.Firmware.Tests.HostOnly", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

        public static ClassPeak Measure(Type testClass)
        {
            var peak = new ClassPeak { Class = testClass.Name };
            foreach (var method in testClass.GetMethods().Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null))
            {
                var rows = method.GetCustomAttributes<DataRowAttribute>().Select(r => r.Data).ToList();
                if (rows.Count == 0)
                {
                    rows.Add(Array.Empty<object>());
                }
                foreach (var args in rows)
                {
                    var probe = new PeakProbe(Stride);
                    HeapProbe.Installed = probe;
                    try
                    {
                        Run(testClass, method, args!);
                        probe.Sample(null);
                    }
                    finally
                    {
                        HeapProbe.Installed = null;
                    }
                    peak.Tests++;
                    peak.Samples += probe.Samples;
                    if (probe.Peak > peak.Bytes)
                    {
                        peak.Bytes = probe.Peak;
                        peak.Test = method.Name + (args!.Length == 0 ? "" : "(" + string.Join(",", args) + ")");
                        peak.ByType = probe.PeakByType;
                    }
                }
            }
            return peak;
        }

        static void Run(Type testClass, MethodInfo method, object[] args)
        {
            object instance = method.IsStatic ? null! : Activator.CreateInstance(testClass)!;
            try
            {
                method.Invoke(instance, args);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                throw new InvalidOperationException(testClass.Name + "." + method.Name + " failed under the heap probe", e.InnerException);
            }
        }

        /// <summary>The firmware's and the single-source tests' static fields (name tables, shared arrays): held for the whole suite.</summary>
        public static long Statics()
        {
            var e = new NanoHeapEstimator();
            var types = typeof(SlotFirmware).Assembly.GetTypes().Concat(SingleSourceTypes());
            foreach (var t in types.Where(t => !t.ContainsGenericParameters))
            {
                foreach (var f in t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!f.IsLiteral)
                    {
                        e.Add(f.GetValue(null)!);
                    }
                }
            }
            return e.Bytes;
        }

        static IEnumerable<Type> SingleSourceTypes() => typeof(Rig).Assembly.GetTypes()
            .Where(t => t.Namespace != null && !t.Namespace.StartsWith("PosSlot.Firmware.Tests.HostOnly", StringComparison.Ordinal));
    }
}
