using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Simulation;
using PosSlot.Fleet.Tests.Agent;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Simulation;

/// <summary>fleet simulate: emulated boards through the real agent logic and a real Mosquitto, at simulated time.</summary>
[TestClass]
public sealed class FleetSimulateTests
{
    [TestMethod]
    public void TheSameSeedGivesTheSameFleetAndDifferentSeedsDiffer()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var a = FleetPlan.Make(200, 7, start);
        CollectionAssert.AreEqual(a.Select(p => (p.Serial, p.Scenario.Name, p.Installed, p.Seed)).ToList(),
            FleetPlan.Make(200, 7, start).Select(p => (p.Serial, p.Scenario.Name, p.Installed, p.Seed)).ToList());
        Assert.AreNotEqual(a[0].Seed, FleetPlan.Make(200, 8, start)[0].Seed);
        // Every built-in scenario but the power-cut one is in a fleet of 200, at ages and rates that vary.
        CollectionAssert.AreEquivalent(FleetPlan.Scenarios.ToList(), a.Select(p => p.Scenario.Name).Distinct().ToList());
        Assert.IsTrue(a.Select(p => p.Scenario.InsertionsPerDay).Distinct().Count() == 200);
        Assert.IsTrue(a.All(p => p.Installed <= start) && a.Select(p => p.Installed).Distinct().Count() == 200);
    }

    [TestMethod]
    public async Task SimulatedBoardsReportTheirFirmwaresHealthAndEachMilestoneOnce()
    {
        using var broker = MosquittoBroker.Start();
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        var address = BrokerUrl.Parse(broker.Url);
        var settings = new SimulationSettings { Boards = 8, Days = 4, Seed = 7, Interval = TimeSpan.FromHours(12), Workers = 2 };
        var result = await FleetSimulator.Run(settings,
            plan => new MqttFleetPublisher(address, "sim-" + plan.Serial, MosquittoBroker.Simulator, broker.Password(MosquittoBroker.Simulator)),
            TextWriter.Null, default);
        Assert.AreEqual(0, result.Unsent);
        // 9 reports each (start, every 12 h, end) plus the events batches.
        Assert.IsTrue(await ingest.WaitFor(r => r.Count >= result.Sent), $"{ingest.All.Count} of {result.Sent}");

        string path = Path.Combine(broker.Directory, "truth.json");
        result.Truth.Write(path);
        var truth = TruthFile.Read(path);
        Assert.AreEqual("2026-01-05T00:00:00Z", truth.End);
        Assert.AreEqual(8, truth.Boards.Count);
        foreach (var b in truth.Boards)
        {
            var mine = ingest.All.Where(m => m.Topic.Contains("/" + b.Serial + "/")).ToList();
            Assert.IsTrue(mine.All(m => MessageValidator.Check(m.Topic, m.Payload).Valid));
            var states = AgentRig.States(mine);
            Assert.AreEqual(9, states.Count, b.Serial);
            Assert.AreEqual(truth.End, states[^1].AgentTime);
            Assert.AreEqual(b.FinalHealth, states[^1].Health, $"{b.Serial} ({b.Scenario}): the last state is the firmware's health");
            Assert.AreEqual(b.Site, states[^1].Site);
            var ids = AgentRig.MilestoneIds(mine);
            CollectionAssert.AreEqual(ids.Distinct().OrderBy(i => i).ToList(), ids, "each milestone once, in order");
            Assert.AreEqual(b.LastEventId, ids.Count > 0 ? ids[^1] : 0);
        }
    }
}
