using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Lines;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Tests.Events
{
    /// <summary>Names come from tables (nanoFramework's Enum.ToString gives a number): every code has a unique one.</summary>
    [TestClass]
    public class NameTableTests
    {
        [TestMethod]
        public void EveryEventCodeHasAUniqueName()
        {
            for (int c = 1; c < EventCode.Count; c++)
            {
                Assert.IsFalse(EventCode.Name(c) == "unknown", "event code " + c.ToString());
                for (int d = 1; d < c; d++)
                {
                    Assert.IsFalse(EventCode.Name(c) == EventCode.Name(d), EventCode.Name(c) + " twice");
                }
            }
            Assert.AreEqual("unknown", EventCode.Name(EventCode.Count));
        }

        [TestMethod]
        public void EveryReasonFaultStateAndLineHasAName()
        {
            for (int r = 0; r < ReasonCode.Count; r++)
            {
                Assert.IsFalse(ReasonCode.Name(r) == "reason?", "reason " + r.ToString());
            }
            for (int f = 0; f < FaultClass.Count; f++)
            {
                Assert.IsFalse(FaultClass.Name(f) == "fault?", "fault " + f.ToString());
            }
            Assert.AreEqual("Failed", HealthState.Name(HealthState.Failed));
            Assert.AreEqual(SlotLine.ReaderFault, SlotLine.Parse(SlotLine.Name(SlotLine.ReaderFault)));
            Assert.AreEqual(-1, SlotLine.Parse("Detect"));
            Assert.AreEqual("never_seated,reseated", InsertionFlags.Describe(InsertionFlags.NeverSeated | InsertionFlags.Reseated));
        }
    }
}
