using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Slot
{
    /// <summary>
    /// Seeded runs of chattering cards through the whole firmware, streamed card by card (device-sized:
    /// nothing kept per card). The long run lives in HostOnly/ChatterSoakTests.
    /// </summary>
    [TestClass]
    public class ChatterRunTests
    {
        /// <summary>Feeds `cards` cards from the generator into a rig; worn or healthy-gappy ones.</summary>
        public static Rig Run(int seed, int cards, bool worn)
        {
            Rig rig = new Rig(seed);
            ChatterGenerator gen = new ChatterGenerator(seed);
            for (int i = 0; i < cards; i++)
            {
                ChatterCard card = worn ? gen.NextWornCard() : gen.NextHealthyGappyCard();
                CoreHarness.Feed(rig.Fw.Core, gen.Edges(card));
            }
            rig.Fw.Core.Advance(gen.NextPressUs);
            return rig;
        }

        [TestMethod]
        public void ChatteringCardsAreCountedExactly()
        {
            Rig rig = Run(7, 1500, true);
            Assert.AreEqual(1500, rig.Events.CountOf(EventCode.CardInserted));
            Assert.AreEqual(1500L, rig.Events.Removals);
            Assert.AreEqual(1500L, rig.Insertions);
            Assert.AreEqual(0, rig.Events.CountOf(EventCode.LineChatter));
            Assert.IsTrue(rig.Events.CountOf(EventCode.DetectDropout) > 1000, "dropouts seen: " + rig.Events.CountOf(EventCode.DetectDropout).ToString());
        }

        [TestMethod]
        public void HealthySlotWithGappyBounceRaisesNoFlag()
        {
            Rig rig = Run(3, 400, false);
            Assert.AreEqual(400L, rig.Insertions);
            Assert.AreEqual(0, rig.Events.CountOf(EventCode.FlagRaised), rig.Events.Describe());
            Assert.AreEqual(0, rig.Events.CountOf(EventCode.LineNoise) + rig.Events.CountOf(EventCode.LineChatter), "gaps inside a bounce are not noise");
            Assert.AreEqual(HealthState.Healthy, rig.State);
            Assert.IsTrue(rig.Fw.Health.BaselineReady, "baseline learned");
        }
    }
}
