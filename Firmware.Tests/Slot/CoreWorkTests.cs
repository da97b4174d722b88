using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Slot
{
    /// <summary>
    /// The core's work per edge, counted (not timed): each deadline is computed once per change,
    /// so with Advance at every deadline (the board's one-shot timer) an edge costs about one
    /// evaluation of the earliest deadline and one pass of Advance (before caching: 6.8 and 3.4),
    /// and the core takes a line's or the monitor's deadline about twice (before issue 18: 15.5).
    /// </summary>
    [TestClass]
    public class CoreWorkTests
    {
        [TestMethod]
        public void DeadlineEvaluationsAndAdvancePassesStayUnderOneAndAHalfPerEdge()
        {
            Rig rig = new Rig(5);
            InsertionShape s = InsertionShape.Healthy();
            s.Interruptions = 1;
            s.ReportReads = true;
            rig.Feed(s, 200);
            SlotCore core = rig.Fw.Core;
            Assert.IsTrue(core.Edges > 200 * 10, "bouncy insertions: " + core.Edges.ToString() + " edges");
            double evaluations = (double)core.DeadlineEvaluations / core.Edges;
            double passes = (double)core.AdvancePasses / core.Edges;
            Assert.IsTrue(evaluations <= 1.5, "deadline evaluations per edge " + evaluations.ToString());
            Assert.IsTrue(passes <= 1.5, "Advance passes per edge " + passes.ToString());
        }

        [TestMethod]
        public void DeadlineReadsStayUnderThreePerEdge()
        {
            // Each read of another part's deadline was a call on the interpreter: 15.5 per edge here
            // before issue 18 (every line's deadline twice per pass and twice per edge, and the open edges).
            Rig rig = new Rig(5);
            InsertionShape s = InsertionShape.Healthy();
            s.Interruptions = 1;
            s.ReportReads = true;
            rig.Feed(s, 200);
            SlotCore core = rig.Fw.Core;
            double reads = (double)core.DeadlineReads / core.Edges;
            Assert.IsTrue(reads <= 3.0, "deadline reads per edge " + reads.ToString());
        }

        [TestMethod]
        public void AdvanceReturnsTheNextDeadline()
        {
            SlotCore core = new SlotCore(new SlotConfig());
            core.OnEdge(0, 1, 1000);
            Assert.AreEqual(1000L + new SlotConfig().Detect.QuietUs, core.Advance(1100), "glitch window passed: the quiet window is next");
            Assert.AreEqual(core.NextDeadlineUs, core.Advance(2000));
        }
    }
}
