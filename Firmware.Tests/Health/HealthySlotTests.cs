using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Health
{
    [TestClass]
    public class HealthySlotTests
    {
        [TestMethod]
        public void HealthySlotRunsOneHundredThousandInsertionsWithoutAFlag()
        {
            // Rated life is out of this test's way: a 50,000-cycle slot is rightly past it at 100,000.
            HealthSettings settings = new HealthSettings();
            settings.RatedCycles = 1000000;
            Rig rig = new Rig(11, settings);
            InsertionShape normal = InsertionShape.Healthy();
            normal.ReportReads = true;
            InsertionShape halfIn = InsertionShape.Healthy();
            halfIn.NeverSeats = true;
            for (int i = 0; i < 100000; i++)
            {
                // About 1 in 100 customers half-inserts; seat delay and bounce jitter come from the synth.
                rig.Feed(rig.Rnd.Next(100) == 0 ? halfIn : normal, 1);
            }
            Assert.AreEqual(100000L, rig.Insertions);
            RecordedEvent flag = EventQuery.FirstFlag(rig.Events);
            Assert.IsNull(flag, flag == null ? "" : "flag " + FaultClass.Name((int)flag.Detail1) + " at insertion " + flag.InsertionIndex.ToString());
            Assert.AreEqual(HealthState.Healthy, rig.State);
            Assert.IsFalse(rig.Fallback.Enabled);
        }
    }
}
