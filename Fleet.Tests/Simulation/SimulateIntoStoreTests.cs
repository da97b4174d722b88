using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Simulation;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Simulation;

/// <summary>
/// The acceptance, in small: fleet simulate through Mosquitto into the ingester and a SQLite
/// store; the store holds every board with its firmware's latest health, and every milestone once.
/// (The 200-board, 60-day run is in docs/fleet.md with its figures.)
/// </summary>
[TestClass]
public sealed class SimulateIntoStoreTests
{
    [TestMethod]
    public async Task TheStoreHoldsEveryBoardsLatestHealthAndEveryMilestoneOnce()
    {
        using var broker = MosquittoBroker.Start();
        string db = "sqlite:" + Path.Combine(broker.Directory, "fleet.db");
        await using var store = await FleetStoreLocation.Parse(db).OpenAsync();
        await using var ingest = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-sim"));

        var address = BrokerUrl.Parse(broker.Url);
        var settings = new SimulationSettings { Boards = 12, Days = 6, Seed = 7, Interval = TimeSpan.FromHours(12), Workers = 2 };
        var result = await FleetSimulator.Run(settings,
            plan => new MqttFleetPublisher(address, "sim-" + plan.Serial, MosquittoBroker.Simulator, broker.Password(MosquittoBroker.Simulator)),
            TextWriter.Null, default);
        Assert.AreEqual(0, result.Unsent);
        await IngestRun.Until(() => ingest.Ingester.Summary.Received >= result.Sent, $"the ingester received {result.Sent} messages", 60);

        var boards = await store.ReadBoardsAsync();
        Assert.AreEqual(12, boards.Count);
        foreach (var truth in result.Truth.Boards)
        {
            var row = boards.Single(b => b.Serial == truth.Serial);
            Assert.AreEqual(truth.FinalHealth, row.Health, $"{truth.Serial} ({truth.Scenario})");
            Assert.AreEqual(truth.Site, row.Site);
            Assert.AreEqual("online", row.Status);
            Assert.AreEqual(truth.LastEventId, row.LastEventId);
        }
        var milestones = await store.ReadMilestonesAsync(null);
        Assert.AreEqual(result.Milestones, milestones.Count, "every milestone read from the boards is stored, once");
        Assert.AreEqual(milestones.Count, milestones.Select(m => (m.Serial, m.Id)).Distinct().Count());
        Assert.AreEqual(0, (await store.ReadDropsAsync()).Values.Sum(), ingest.Log);
    }
}
