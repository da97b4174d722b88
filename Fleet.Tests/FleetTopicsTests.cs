using PosSlot.Fleet;

namespace PosSlot.Fleet.Tests;

[TestClass]
public sealed class FleetTopicsTests
{
    [TestMethod]
    public void StateAndEventsTopicsNameTheSiteAndTheSerial()
    {
        Assert.AreEqual("posslot/v1/shop-7/PS-0001/state", FleetTopics.State("shop-7", "PS-0001"));
        Assert.AreEqual("posslot/v1/shop-7/PS-0001/events", FleetTopics.Events("shop-7", "PS-0001"));
    }
}
