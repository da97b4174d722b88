using System;
using PosSlot.Emulator.Physics;

namespace PosSlot.Host.Tests.Emulator;

[TestClass]
public class BounceTrainTests
{
    [TestMethod]
    [DataRow(500L, 3)]
    [DataRow(2000L, 5)]
    [DataRow(6200L, 13)]
    [DataRow(12000L, 17)]
    public void TrainSpansExactlyAndEveryGapIsUnderAMillisecond(long spanUs, int edges)
    {
        var buffer = new StimulusBuffer();
        long settled = BounceTrain.Add(buffer, 1, 1, 10_000, spanUs, edges, new Random(5));
        buffer.Sort();
        Assert.AreEqual(10_000 + spanUs, settled);
        Assert.AreEqual(10_000, buffer[0].TimeUs);
        Assert.AreEqual(settled, buffer[buffer.Count - 1].TimeUs);
        Assert.AreEqual(1, buffer[buffer.Count - 1].Level, "ends at the new level");
        Assert.IsTrue(buffer.Count >= edges, $"{buffer.Count} edges for {edges} asked");
        for (int i = 1; i < buffer.Count; i++)
        {
            long gap = buffer[i].TimeUs - buffer[i - 1].TimeUs;
            Assert.IsTrue(gap > 0 && gap < 1000, $"gap {gap} us between edges {i - 1} and {i}");
        }
    }
}
