using System;
using System.Linq;
using System.Threading.Tasks;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Agent;

/// <summary>The agent's faults through a real Mosquitto: killed mid-publish, the network down for days.</summary>
[TestClass]
public sealed class AgentFaultTests
{
    [TestMethod]
    public async Task AnAgentKilledMidPublishResendsFromItsSpoolAfterARestart()
    {
        using var broker = MosquittoBroker.Start("PS-A1");
        await using var rig = new AgentRig(broker, "PS-A1");
        // Twelve hours while the broker is away fill the spool; then the agent dies on its 5th publish.
        broker.Kill();
        await rig.Hours(12);
        long spooled = rig.Spool.Pending;
        broker.Start();
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        var dying = new FleetAgent(new AgentSettings { Site = rig.Site, Interval = TimeSpan.FromHours(1) }, rig.Board, rig.Clock, rig.Spool,
            new DyingPublisher((MqttFleetPublisher)rig.NewPublisher(), dieAfter: 5), rig.Log);
        await Assert.ThrowsAsync<AgentKilledException>(() => dying.Cycle(default));
        Assert.IsTrue(rig.Spool.Pending >= spooled - 4, "four acknowledged; the fifth was delivered but stays spooled");

        // The killed connection's will says offline.
        Assert.IsTrue(await ingest.WaitFor(r => AgentRig.States(r).Any(s => s.Status == StateMessage.Offline)), rig.Log.ToString());

        await rig.Restart(cleanly: false);
        await rig.Hours(1);
        Assert.AreEqual(0, rig.Spool.Pending);
        var boardIds = rig.BoardIds();
        Assert.IsTrue(await ingest.WaitFor(r => AgentRig.MilestoneIds(r).Distinct().Count() == boardIds.Count));
        var ids = AgentRig.MilestoneIds(ingest.All);
        CollectionAssert.AreEqual(boardIds, ids.Distinct().OrderBy(i => i).ToList(), "nothing lost");
        Assert.IsTrue(ids.Count >= boardIds.Count, "the message in flight may come twice: ids make that harmless");
        Assert.IsTrue(await ingest.WaitFor(r => AgentRig.States(r).LastOrDefault()?.AgentTime == "2026-03-01T13:00:00Z"));
        Assert.AreEqual(StateMessage.Online, AgentRig.States(ingest.All).Last().Status);
    }

    [TestMethod]
    public async Task ThreeDaysWithoutANetworkFillABoundedSpoolThatKeepsEveryMilestone()
    {
        using var broker = MosquittoBroker.Start("PS-A1");
        const int capacity = 10;
        await using var rig = new AgentRig(broker, "PS-A1", capacity: capacity, scenario: AgentRig.Busy("intermittent"));
        broker.Kill();
        var down = await rig.Hours(72);
        Assert.IsTrue(down.All(r => r.Pending <= capacity), "bounded");
        var dropped = rig.Spool.Dropped;
        Assert.IsTrue(dropped.TryGetValue(Spool.DroppedState, out long states) && states > 50, string.Join(",", dropped));
        Assert.IsFalse(dropped.Keys.Any(k => k.Contains("milestone")), "milestones are never dropped");

        broker.Start();
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        await rig.Hours(1);
        // Anything still waiting on the board comes with the following reports.
        await rig.Hours(3);
        Assert.AreEqual(0, rig.Spool.Pending);
        var boardIds = rig.BoardIds();
        Assert.IsTrue(boardIds.Count > 0);
        Assert.IsTrue(await ingest.WaitFor(r => AgentRig.MilestoneIds(r).Count >= boardIds.Count));
        // Today's firmware logs routine events too, so its 128-entry log wraps: what it still holds must all arrive
        // (with the milestone contract nothing wraps and this is every milestone), once and in order.
        var ids = AgentRig.MilestoneIds(ingest.All);
        CollectionAssert.IsSubsetOf(boardIds, ids);
        CollectionAssert.AreEqual(ids.Distinct().OrderBy(i => i).ToList(), ids, "once, in order");
        var last = AgentRig.States(ingest.All).Last();
        Assert.IsTrue(last.Spool.DroppedReasons[Spool.DroppedState] >= states, "the drops are reported, with their reason");
        Assert.AreEqual(last.Spool.Dropped, last.Spool.DroppedReasons.Values.Sum());
    }
}
