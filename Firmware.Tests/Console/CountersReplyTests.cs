using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>The counters reply carries the payments retried (cards with a failed chip read) for the fleet's list.</summary>
    [TestClass]
    public class CountersReplyTests
    {
        [TestMethod]
        public void CountersSayHowManyPaymentsWereRetried()
        {
            ConsoleRig rig = new ConsoleRig(1);
            InsertionShape clean = InsertionShape.Healthy();
            clean.ReportReads = true;
            InsertionShape retried = InsertionShape.Healthy();
            retried.ReportReads = true;
            retried.FailedReads = 2;
            rig.Slot.Feed(clean, 5);
            rig.Slot.Feed(retried, 3);
            rig.Slot.Feed(clean, 2);
            rig.T += 5000000;
            string reply = rig.Send(1, "counters");
            Assert.AreEqual("10", ConsoleRig.Field(reply, "insertions_board"), reply);
            Assert.AreEqual("3", ConsoleRig.Field(reply, "payments_retried"), reply);
            Assert.IsTrue(rig.Type("counters").IndexOf("payments_retried: 3") >= 0, "and for a technician");
        }
    }
}
