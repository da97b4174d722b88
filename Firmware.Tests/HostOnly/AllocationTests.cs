using System;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Lines;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>
    /// Host-only (GC.GetAllocatedBytesForCurrentThread does not exist on nanoFramework): once warm,
    /// the core allocates nothing per edge, so the board's GC never runs because of card traffic.
    /// </summary>
    [TestClass]
    public class AllocationTests
    {
        sealed class CountingSink : ISlotEventSink
        {
            public long Events;

            public void OnSlotEvent(SlotEvent e)
            {
                Events++;
            }
        }

        /// <summary>Feeds one bouncy insertion with a micro-interruption, noise and a reader fault.</summary>
        internal static long FeedInsertion(SlotCore core, long t)
        {
            long[] pattern = Pattern;
            for (int i = 0; i < pattern.Length; i += 3)
            {
                long at = t + pattern[i];
                while (core.NextDeadlineUs <= at)
                {
                    core.Advance(core.NextDeadlineUs);
                }
                core.OnEdge((int)pattern[i + 1], (int)pattern[i + 2], at);
            }
            return t + 2000000;
        }

        static readonly long[] Pattern = new long[]
        {
            0, SlotLine.Detect, 1, 200, SlotLine.Detect, 0, 230, SlotLine.Detect, 1, 600, SlotLine.Detect, 0, 900, SlotLine.Detect, 1,
            90000, SlotLine.Contact, 1, 90300, SlotLine.Contact, 0, 90500, SlotLine.Contact, 1,
            300000, SlotLine.Contact, 0, 300400, SlotLine.Contact, 1,
            400000, SlotLine.ReaderFault, 1, 450000, SlotLine.ReaderFault, 0,
            500000, SlotLine.Detect, 0, 500020, SlotLine.Detect, 1,
            900000, SlotLine.Contact, 0, 900200, SlotLine.Contact, 1, 900400, SlotLine.Contact, 0,
            1000000, SlotLine.Detect, 0, 1000300, SlotLine.Detect, 1, 1000500, SlotLine.Detect, 0,
        };

        static long AllocatedOverWarmInsertions(SlotCore core)
        {
            long t = 0;
            for (int i = 0; i < 200; i++)
            {
                t = FeedInsertion(core, t);
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                t = FeedInsertion(core, t);
            }
            core.Advance(t);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [TestMethod]
        public void SteadyStateAllocatesNothingPerEdgeWithTheWholeFirmware()
        {
            SlotFirmware fw = new SlotFirmware(new SlotConfig(), new PosSlot.Firmware.Health.HealthSettings(), new Support.FallbackLine(), 64);
            long allocated = AllocatedOverWarmInsertions(fw.Core);
            Assert.AreEqual(2200L, fw.Counters.BoardInsertions);
            Assert.IsTrue(fw.Health.BaselineReady, "the analyser is judging, not still learning");
            long routine = 0;
            for (int code = 1; code < PosSlot.Firmware.Events.EventCode.Count; code++)
            {
                routine += fw.Log.RoutineCount(code);
            }
            Assert.IsTrue(routine > 0, "the log has counted routine events");
            Assert.AreEqual(0L, allocated, "bytes allocated over 2000 warm insertions");
        }

        [TestMethod]
        public void SteadyStateAllocatesNothingPerEdge()
        {
            SlotCore core = new SlotCore(new SlotConfig());
            CountingSink sink = new CountingSink();
            core.AddSink(sink);
            long allocated = AllocatedOverWarmInsertions(core);
            Assert.AreEqual(2200L, core.Monitor.Insertions, "every pattern is one insertion");
            Assert.IsTrue(sink.Events > 2200 * 4, "the pattern exercises events beyond the lifecycle");
            Assert.AreEqual(0L, allocated, "bytes allocated over 2000 warm insertions");
        }
    }
}
