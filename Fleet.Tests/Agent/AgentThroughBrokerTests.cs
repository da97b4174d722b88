using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Agent;

/// <summary>posslot agent's logic against a real Mosquitto, with an emulated reader on simulated time.</summary>
[TestClass]
public sealed class AgentThroughBrokerTests
{
    [TestMethod]
    public async Task StateAndEveryMilestoneReachASubscriberValidAndOnce()
    {
        using var broker = MosquittoBroker.Start("PS-A1");
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        await using var rig = new AgentRig(broker, "PS-A1");

        var reports = await rig.Hours(12);
        Assert.IsTrue(reports.All(r => r.Status == StateMessage.Online && r.Connected && r.Pending == 0), rig.Log.ToString());
        var boardIds = rig.BoardIds();
        Assert.IsTrue(boardIds.Count > 0, "the stuck detect switch gives milestones");
        Assert.IsTrue(await ingest.WaitFor(r => AgentRig.States(r).Count == 12 && AgentRig.MilestoneIds(r).Count >= boardIds.Count));

        foreach (var m in ingest.All)
        {
            var v = MessageValidator.Check(m.Topic, m.Payload);
            Assert.IsTrue(v.Valid, $"{m.Topic}: {v.Reason}");
        }
        CollectionAssert.AreEqual(boardIds, AgentRig.MilestoneIds(ingest.All), "each milestone once, in id order");
        var states = AgentRig.States(ingest.All);
        Assert.AreEqual("2026-03-01T12:00:00Z", states[^1].AgentTime, "agent_time is simulated time");
        Assert.AreEqual(boardIds[^1], states[^1].LastEventId);
        Assert.AreEqual(HealthName(rig), states[^1].Health, "the state says what the firmware says");
        Assert.AreEqual(rig.Board.Firmware.Counters.BoardInsertions, states[^1].Counters!.InsertionsBoard);
        Assert.AreEqual((long?)rig.Board.Firmware.Counters.PaymentsRetried, states[^1].Counters!.PaymentsRetried, "payments retried, as the board counts them");
    }

    [TestMethod]
    public async Task AnAgentClaimingAnotherBoardsSerialIsRefusedByTheBroker()
    {
        using var broker = MosquittoBroker.Start("PS-A1", "PS-B2");
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        // The board says PS-A1; this agent logs in as PS-B2.
        await using var rig = new AgentRig(broker, "PS-A1", user: "PS-B2");

        var reports = await rig.Hours(2);
        Assert.IsTrue(reports.All(r => r.Connected && r.Sent == 0));
        Assert.IsTrue(rig.Spool.Dropped.TryGetValue("broker_not_authorized", out long refused) && refused >= 2, rig.Log.ToString());
        StringAssert.Contains(rig.Log.ToString(), "may publish only under its own serial");
        await Task.Delay(300);
        Assert.AreEqual(0, ingest.All.Count(m => m.Topic.Contains("/PS-A1/")), "nothing forged reached the subscriber");
    }

    [TestMethod]
    public async Task ABoardThatStopsAnsweringIsReportedLostWithoutGuessedReadings()
    {
        using var broker = MosquittoBroker.Start("PS-A1");
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/+/+/state");
        await using var rig = new AgentRig(broker, "PS-A1");
        await rig.Hours(1);
        rig.Board.Answering = false;
        var lost = await rig.Hours(1);
        Assert.AreEqual(StateMessage.BoardLost, lost[0].Status);
        Assert.IsTrue(await ingest.WaitFor(r => AgentRig.States(r).Any(s => s.Status == StateMessage.BoardLost)));
        var s = AgentRig.States(ingest.All).Last();
        Assert.IsNull(s.Health);
        Assert.IsNull(s.Counters);
        StringAssert.Contains(s.Reason, "no reply");
    }

    [TestMethod]
    public async Task ABrokerRestartMidRunLosesNothingAndDeliversInOrder()
    {
        using var broker = MosquittoBroker.Start("PS-A1");
        await using var rig = new AgentRig(broker, "PS-A1");
        await rig.Hours(3);
        long ackedBefore = rig.Spool.AckedId("PS-A1");
        broker.Kill();
        // Nine hours down: the detect switch sticks at card 800 (hour ~10), so milestones happen while it is away.
        var down = await rig.Hours(9);
        Assert.IsTrue(down.All(r => !r.Connected));
        Assert.AreEqual(down.Last().Pending, rig.Spool.Pending);
        Assert.IsTrue(rig.Spool.Pending >= 9, "the states and batches wait in the spool");
        broker.Start();
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        var back = await rig.Hours(1);
        Assert.AreEqual(0, back[0].Pending);

        var boardIds = rig.BoardIds();
        Assert.IsTrue(await ingest.WaitFor(r => AgentRig.States(r.Where(x => !x.Retain)).Count >= 10));
        var live = ingest.All.Where(m => !m.Retain).ToList();
        var times = AgentRig.States(live).Select(s => s.AgentTime).ToList();
        CollectionAssert.AreEqual(times.OrderBy(t => t, StringComparer.Ordinal).ToList(), times, "spooled states arrive in order");
        Assert.AreEqual("2026-03-01T13:00:00Z", times[^1]);
        var ids = AgentRig.MilestoneIds(live);
        CollectionAssert.AreEqual(ids.OrderBy(i => i).ToList(), ids, "milestones in order");
        // Everything the board logged after the last acknowledged id came through the spool, once.
        Assert.IsTrue(ids.Count > 0, "milestones were logged while the broker was down");
        CollectionAssert.AreEqual(boardIds.Where(i => i > ackedBefore).ToList(), ids);
    }

    static string HealthName(AgentRig rig) => PosSlot.Firmware.Health.HealthState.Name(rig.Board.Firmware.Health.State);
}
