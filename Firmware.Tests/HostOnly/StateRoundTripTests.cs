using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>
    /// No field of the persistent state can be forgotten by the snapshot: every field of each layer's
    /// state (found by reflection, so a field added tomorrow is included) is set to a value of its
    /// own, saved, loaded into a fresh instance and compared. Only the fields listed here as wiring
    /// or configuration (set by the constructor from settings) are exempt.
    /// </summary>
    [TestClass]
    public class StateRoundTripTests
    {
        static readonly HashSet<string> NotState = new()
        {
            "SlotHealthAnalyzer._s", "SlotHealthAnalyzer._bus", "SlotHealthAnalyzer._counters",
            "FailureWindows._windows", "FailureWindows._lines", "FailureWindows._length",
            "RunningEstimate._alpha", "WearForecast._s",
            "FallbackController._output", "FallbackController._bus",
        };

        [TestMethod]
        public void EveryFieldOfTheAnalysersStateRoundTrips()
        {
            var settings = new HealthSettings();
            var a = new SlotHealthAnalyzer(settings, new EventBus(), new SlotCounters());
            var b = new SlotHealthAnalyzer(settings, new EventBus(), new SlotCounters());
            int set = Fill(a, new SeededRandom(1));
            Assert.IsTrue(set > 40, "fields set: " + set);
            Load(b, a.SaveState, b.LoadState);
            AssertSame(a, b, "analyser");
        }

        [TestMethod]
        public void EveryCounterRoundTrips()
        {
            var a = new SlotCounters();
            Fill(a, new SeededRandom(2));
            a.SlotInsertions = a.BoardInsertions / 2; // the loader checks the slot's count is within the board's
            a.PaymentsRetried = a.BoardInsertions / 3; // and so is the payments retried
            var b = new SlotCounters();
            Load(b, a.SaveState, r => b.LoadState(r, RecordFrame.Version));
            AssertSame(a, b, "counters");
        }

        [TestMethod]
        public void TheFallbackLatchRoundTrips()
        {
            var a = new FallbackController(new FallbackLine(), new EventBus());
            Fill(a, new SeededRandom(3));
            var line = new FallbackLine();
            var b = new FallbackController(line, new EventBus());
            Load(b, a.SaveState, b.LoadState);
            AssertSame(a, b, "fallback");
            Assert.IsTrue(line.Enabled, "loading an engaged latch drives the line");
        }

        [TestMethod]
        public void AFieldTheSnapshotForgetsFailsThisCheck()
        {
            // The check itself: a counter loaded by a loader that skips StoreLosses differs.
            var a = new SlotCounters();
            Fill(a, new SeededRandom(4));
            a.SlotInsertions = a.BoardInsertions / 2;
            a.PaymentsRetried = a.BoardInsertions / 3;
            var b = new SlotCounters();
            Load(b, a.SaveState, r => { b.LoadState(r, RecordFrame.Version); b.StoreLosses = 0; });
            Assert.ThrowsExactly<AssertFailedException>(() => AssertSame(a, b, "counters"));
        }

        static void Load(object target, Action<ByteWriter> save, Action<ByteReader> load)
        {
            var w = new ByteWriter(32768);
            save(w);
            Assert.IsFalse(w.Overflowed);
            var r = new ByteReader(w.Buffer, 0, w.Position);
            load(r);
            Assert.IsFalse(r.Failed, "the loader accepted what the saver wrote");
            Assert.AreEqual(0, r.Remaining, "and read all of it");
        }

        static IEnumerable<FieldInfo> StateFields(Type t) =>
            t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
             .Where(f => !NotState.Contains(t.Name + "." + f.Name));

        /// <summary>Sets every state field (recursing into owned state objects and arrays) to a non-default value.</summary>
        static int Fill(object o, SeededRandom rnd)
        {
            int n = 0;
            foreach (var f in StateFields(o.GetType()))
            {
                object v = f.GetValue(o);
                if (f.FieldType.IsArray)
                {
                    var arr = (Array)v!;
                    for (int i = 0; i < arr.Length; i++)
                    {
                        arr.SetValue(Value(f.FieldType.GetElementType()!, rnd), i);
                    }
                    n++;
                }
                else if (f.FieldType.IsPrimitive)
                {
                    f.SetValue(o, Value(f.FieldType, rnd));
                    n++;
                }
                else
                {
                    n += Fill(v!, rnd);
                }
            }
            return n;
        }

        // Small ints stay valid as levels, reasons, indices and counts; the rest only need to differ from 0.
        static object Value(Type t, SeededRandom rnd) =>
            t == typeof(int) ? 1 + rnd.Next(3)
            : t == typeof(uint) ? (uint)rnd.Next()
            : t == typeof(long) ? 1 + (long)rnd.Next() * 977
            : t == typeof(double) ? rnd.NextDouble() + 0.5
            : t == typeof(bool) ? true
            : throw new NotSupportedException("a state field of type " + t + ": teach this test and the snapshot about it");

        static void AssertSame(object a, object b, string path)
        {
            foreach (var f in StateFields(a.GetType()))
            {
                object va = f.GetValue(a)!, vb = f.GetValue(b)!;
                string where = path + "." + f.Name;
                if (f.FieldType.IsArray)
                {
                    CollectionAssert.AreEqual((Array)va, (Array)vb, where);
                }
                else if (f.FieldType.IsPrimitive)
                {
                    Assert.AreEqual(va, vb, where);
                }
                else
                {
                    AssertSame(va, vb, where);
                }
            }
        }
    }
}
