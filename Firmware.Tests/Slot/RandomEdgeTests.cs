using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Slot
{
    /// <summary>
    /// Whatever the pins do, the core does not throw, never asks for a deadline in the past, and
    /// keeps its counts consistent: every removal closes an insertion, at most one card is in.
    /// The rig's recorder streams (exact counts, a ring of recent events): fits a device heap.
    /// </summary>
    [TestClass]
    public class RandomEdgeTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void RandomEdgesKeepTheCoreConsistent(int seed)
        {
            SeededRandom rnd = new SeededRandom(seed);
            Rig rig = new Rig(seed);
            SlotCore core = rig.Fw.Core;
            long t = 0;
            int[] level = new int[SlotLine.Count];
            for (int i = 0; i < 20000; i++)
            {
                // Gaps from 1 us (glitches) to ~7 s (past every timeout), biased short.
                int scale = rnd.Next(4);
                t += 1 + (scale == 0 ? rnd.Next(50) : scale == 1 ? rnd.Next(3000) : scale == 2 ? rnd.Next(200000) : rnd.Next(7000000));
                if (rnd.Next(20) == 0)
                {
                    core.OnReadResult(rnd.Next(2) == 0, t);
                }
                else
                {
                    int line = rnd.Next(SlotLine.Count);
                    level[line] = rnd.Next(5) == 0 ? level[line] : 1 - level[line]; // sometimes a repeated level
                    core.OnEdge(line, level[line], t);
                }
                if (rnd.Next(3) == 0)
                {
                    core.Advance(t);
                }
                if (i % 1000 == 0)
                {
                    HeapProbe.Checkpoint(level);
                }
                long inserted = core.Monitor.Insertions;
                long removed = core.Monitor.Removals;
                bool deadlineOk = core.NextDeadlineUs >= core.NowUs || core.NextDeadlineUs == Time.NoDeadline;
                bool countsOk = removed <= inserted && inserted <= removed + 1 && core.Monitor.CardIn == (inserted == removed + 1);
                if (!deadlineOk || !countsOk)
                {
                    // Messages are built only on failure: 20,000 steps of string garbage would crowd a device heap.
                    Assert.IsTrue(deadlineOk, "deadline " + core.NextDeadlineUs.ToString() + " before now " + core.NowUs.ToString() + " at step " + i.ToString());
                    Assert.IsTrue(countsOk, "step " + i.ToString() + ": insertions " + inserted.ToString() + ", removals " + removed.ToString() + ", card in " + core.Monitor.CardIn.ToString());
                }
            }
            Assert.IsTrue(core.Monitor.Insertions > 100, "the random pins made cards");
            Assert.AreEqual(core.Monitor.Insertions, rig.Fw.Counters.BoardInsertions);
        }
    }
}
