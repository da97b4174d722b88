using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    [TestClass]
    public class HealthySlotTests
    {
        /// <summary>
        /// Feeds `cards` healthy insertions (about 1 in 100 a half-insert) and checks nothing is
        /// flagged. Streams: the rig's recorder counts events exactly and keeps only the last few, so the run
        /// fits a device heap at any length. HostOnly/HealthySlotSoakTests runs it 100,000 times.
        /// </summary>
        public static void RunsWithoutAFlag(int seed, int cards)
        {
            // Rated life is out of this test's way: a 50,000-cycle slot is rightly past it at 100,000.
            HealthSettings settings = new HealthSettings();
            settings.RatedCycles = 1000000;
            Rig rig = new Rig(seed, settings);
            InsertionShape normal = InsertionShape.Healthy();
            normal.ReportReads = true;
            InsertionShape halfIn = InsertionShape.Healthy();
            halfIn.NeverSeats = true;
            for (int i = 0; i < cards; i++)
            {
                // Seat delay and bounce jitter come from the synth.
                rig.Feed(rig.Rnd.Next(100) == 0 ? halfIn : normal, 1);
            }
            Assert.AreEqual((long)cards, rig.Insertions);
            Assert.AreEqual((long)cards, rig.Events.Removals);
            Assert.AreEqual(0, rig.Events.CountOf(EventCode.FlagRaised), "no flag of any class, counted over the whole run");
            RecordedEvent flag = EventQuery.FirstFlag(rig.Events);
            Assert.IsNull(flag, flag == null ? "" : "flag " + FaultClass.Name((int)flag.Detail1) + " at insertion " + flag.InsertionIndex.ToString());
            Assert.AreEqual(HealthState.Healthy, rig.State);
            Assert.IsFalse(rig.Fallback.Enabled);
        }

        [TestMethod]
        public void HealthySlotRunsTwoThousandInsertionsWithoutAFlag()
        {
            RunsWithoutAFlag(11, 2000);
        }
    }
}
