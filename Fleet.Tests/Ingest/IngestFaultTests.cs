using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Ingest;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;
using static PosSlot.Fleet.Tests.Support.FleetPublisher;

namespace PosSlot.Fleet.Tests.Ingest;

/// <summary>
/// The ingester's faults through a real Mosquitto into real SQLite and PostgreSQL: redelivery and reordering,
/// bad messages, a killed ingester, the database away for a while, two ingesters sharing the load.
/// </summary>
[TestClass]
public sealed class IngestFaultTests
{
    public static string NewDb(string engine) => engine == "sqlite" ? TestStores.NewSqlite() : SharedPostgres.NewDatabase();

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task DuplicateAndOutOfOrderDeliveryConvergeToTheNewestStateAndEachMilestoneOnce(string engine)
    {
        using var broker = MosquittoBroker.Start();
        await using var store = await FleetStoreLocation.Parse(NewDb(engine)).OpenAsync();
        await using var ingest = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-order"));
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);

        // Newest first, then older ones late, then the newest again (a QoS 1 redelivery or an agent resending).
        await sim.Publish(State("PS-0001", 30, "Degraded"));
        await sim.Publish(State("PS-0001", 10, "Healthy"));
        await sim.Publish(State("PS-0001", 20, "Watch"));
        await sim.Publish(State("PS-0001", 30, "Degraded"));
        await sim.Publish(Events("PS-0001", 20, 1, 2, 3));
        await sim.Publish(Events("PS-0001", 10, 1, 2));
        await sim.Publish(Events("PS-0001", 20, 1, 2, 3));
        await IngestRun.Until(() => ingest.Ingester.Summary.Received == 7, "7 messages handled");

        var board = (await store.ReadBoardsAsync()).Single();
        Assert.AreEqual("Degraded", board.Health);
        Assert.AreEqual(Start.AddMinutes(30).ToUnixTimeMilliseconds(), board.LastSeenMs);
        Assert.AreEqual(3, (await store.ReadHistoryAsync("PS-0001")).Count);
        CollectionAssert.AreEqual(new[] { 1L, 2L, 3L }, (await store.ReadMilestonesAsync("PS-0001")).Select(m => m.Id).ToArray());
        Assert.AreEqual(4, ingest.Ingester.Summary.Stored);
        Assert.AreEqual(3, ingest.Ingester.Summary.Duplicates);
    }

    [TestMethod]
    public async Task MalformedOversizedForeignTopicAndWrongSerialMessagesAreCountedWithTheirReasonAndTheRestIsStored()
    {
        using var broker = MosquittoBroker.Start();
        await using var store = await FleetStoreLocation.Parse(NewDb("sqlite")).OpenAsync();
        await using var ingest = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-bad"));
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);

        var good = PosSlot.Fleet.Messages.FleetJson.Bytes(State("PS-0001", 1));
        await sim.Publish("posslot/v1/shop-7/PS-0001/state", Encoding.UTF8.GetBytes("{\"schema\":\"posslot.state/1\",")); // malformed
        await sim.Publish("posslot/v1/shop-7/PS-0001/state", new byte[PosSlot.Fleet.Messages.MessageValidator.MaxBytes + 1]); // oversized
        await sim.Publish("posslot/v1/shop-7/PS-0001/telemetry", good); // not one of our kinds
        await sim.Publish("posslot/v1/shop-7/PS-0002/state", good); // PS-0001's state on PS-0002's topic
        await sim.Publish("posslot/v1/shop-7/PS-0001/state", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(good).Replace("posslot.state/1", "posslot.state/9")));
        await sim.Publish("posslot/v1/shop-7/PS-0001/state", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(good).Replace("\"Healthy\"", "\"Fine\"")));
        await sim.Publish("posslot/v1/shop-7/PS-0001/state", good);
        await IngestRun.Until(() => ingest.Ingester.Summary.Received == 7, "7 messages handled");

        var drops = await store.ReadDropsAsync();
        Assert.AreEqual("foreign_topic=1 malformed_json=1 oversized=1 schema_invalid=1 unknown_schema=1 wrong_serial=1",
            string.Join(" ", drops.Select(d => $"{d.Key}={d.Value}")));
        Assert.AreEqual("Healthy", (await store.ReadBoardsAsync()).Single().Health);
        Assert.AreEqual(1, ingest.Ingester.Summary.Stored);
        StringAssert.Contains(ingest.Log, "wrong serial: the payload says PS-0001, the topic PS-0002");
    }

    [TestMethod]
    public async Task AnIngesterStoppedBeforeItsBatchCommittedGetsTheMessagesAgainWhenItComesBack()
    {
        using var broker = MosquittoBroker.Start();
        await using var store = await FleetStoreLocation.Parse(NewDb("sqlite")).OpenAsync();
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);

        // The first ingester receives everything but its database never answers: it dies holding 20 unacknowledged.
        var hanging = new HangingStore();
        await using (var first = await IngestRun.Start(hanging, IngestRun.Options(broker, "ingest-restart")))
        {
            for (var i = 0; i < 20; i++)
            {
                await sim.Publish(State($"PS-{i:D4}", 1));
            }
            await IngestRun.Until(() => hanging.Attempts > 0 && first.Ingester.Delivered == 20, "the first ingester holding 20 messages");
        }
        // Sent while no ingester runs: queued in the persistent session.
        for (var i = 20; i < 30; i++)
        {
            await sim.Publish(State($"PS-{i:D4}", 1));
        }
        await using var second = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-restart"));
        await IngestRun.UntilAsync(async () => (await store.ReadBoardsAsync()).Count == 30, "all 30 boards stored");
        Assert.AreEqual(30, second.Ingester.Summary.Stored);
    }

    [TestMethod]
    public async Task TheDatabaseAwayForAWhileHoldsTheMessagesAndStoresThemWhenItIsBack()
    {
        // Its own server: stopping the shared one would pull it from under other tests' stores.
        using var pg = PostgresServer.Start();
        using var broker = MosquittoBroker.Start();
        await using var store = await FleetStoreLocation.Parse(pg.CreateDatabase("away")).OpenAsync();
        await using var ingest = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-dbaway"));
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);

        await sim.Publish(State("PS-0000", 1));
        await IngestRun.Until(() => ingest.Ingester.Summary.Stored == 1, "the first state stored");
        pg.Stop();
        for (var i = 1; i < 40; i++)
        {
            await sim.Publish(State($"PS-{i:D4}", 1));
            await sim.Publish(Events($"PS-{i:D4}", 1, 1, 2));
        }
        await IngestRun.Until(() => ingest.Log.Contains("database is unavailable"), "the ingester to notice");
        Assert.AreEqual(1, ingest.Ingester.Summary.Stored);
        pg.StartServer();
        await IngestRun.Until(() => ingest.Ingester.Summary.Stored == 79, "everything stored after the database came back");
        Assert.AreEqual(40, (await store.ReadBoardsAsync()).Count);
        Assert.AreEqual(78, (await store.ReadMilestonesAsync(null)).Count);
        StringAssert.Contains(ingest.Log, "database is back");
    }

    [TestMethod]
    public async Task TwoIngestersOnOneSharedSubscriptionSplitTheLoadAndTogetherStoreEverythingOnce()
    {
        using var broker = MosquittoBroker.Start();
        var db = NewDb("postgres");
        await using var storeA = await FleetStoreLocation.Parse(db).OpenAsync();
        await using var storeB = await FleetStoreLocation.Parse(db).OpenAsync();
        await using var a = await IngestRun.Start(storeA, IngestRun.Options(broker, "ingest-a"));
        await using var b = await IngestRun.Start(storeB, IngestRun.Options(broker, "ingest-b"));
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);

        for (var i = 0; i < 100; i++)
        {
            await sim.Publish(State($"PS-{i:D4}", 1));
            await sim.Publish(Events($"PS-{i:D4}", 1, 1));
        }
        await IngestRun.Until(() => a.Ingester.Summary.Received + b.Ingester.Summary.Received == 200, "200 messages handled");
        Assert.IsTrue(a.Ingester.Summary.Stored > 20 && b.Ingester.Summary.Stored > 20, $"split {a.Ingester.Summary.Stored}/{b.Ingester.Summary.Stored}");
        Assert.AreEqual(200, a.Ingester.Summary.Stored + b.Ingester.Summary.Stored);
        Assert.AreEqual(100, (await storeA.ReadBoardsAsync()).Count);
        Assert.AreEqual(100, (await storeA.ReadMilestonesAsync(null)).Count);
    }

    [TestMethod]
    public async Task IdleExitEndsTheRunOnceNothingHasArrivedForThatLong()
    {
        using var broker = MosquittoBroker.Start();
        await using var store = await FleetStoreLocation.Parse(NewDb("sqlite")).OpenAsync();
        // A first run makes the session; what is published after it waits there for the second, idle-exiting run.
        await (await IngestRun.Start(store, IngestRun.Options(broker, "ingest-idle"))).DisposeAsync();
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);
        await sim.Publish(State("PS-0001", 1));
        await using var ingest = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-idle") with { IdleExit = TimeSpan.FromSeconds(1) });
        await ingest.Running.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.AreEqual(1, ingest.Ingester.Summary.Stored, $"{ingest.Ingester.Summary}, delivered {ingest.Ingester.Delivered}; {ingest.Log}");
    }

    /// <summary>A database that never answers: the ingester receives, tries to write, and is stopped holding it all.</summary>
    private sealed class HangingStore : IFleetStore
    {
        private int attempts;
        private int items;

        public int Attempts => Volatile.Read(ref attempts);
        public int Items => Volatile.Read(ref items);

        public string Engine => "hanging";

        public async Task<System.Collections.Generic.IReadOnlyList<StoreOutcome>> WriteAsync(System.Collections.Generic.IReadOnlyList<StoreItem> batch, CancellationToken cancel = default)
        {
            Interlocked.Increment(ref attempts);
            Interlocked.Add(ref items, batch.Count);
            await Task.Delay(Timeout.Infinite, cancel);
            throw new InvalidOperationException("unreachable");
        }

        public Task<System.Collections.Generic.IReadOnlyList<BoardRow>> ReadBoardsAsync(string? site = null, CancellationToken cancel = default) => throw new NotSupportedException();
        public Task<System.Collections.Generic.IReadOnlyList<HistoryPoint>> ReadBoardsAsOfAsync(long asOfMs, string? site = null, CancellationToken cancel = default) => throw new NotSupportedException();
        public Task<System.Collections.Generic.IReadOnlyList<HistoryPoint>> ReadHistoryAsync(string serial, long? fromMs = null, long? toMs = null, CancellationToken cancel = default) => throw new NotSupportedException();
        public Task<System.Collections.Generic.IReadOnlyList<MilestoneRow>> ReadMilestonesAsync(string? serial, CancellationToken cancel = default) => throw new NotSupportedException();
        public Task<System.Collections.Generic.IReadOnlyList<RoutineRow>> ReadRoutineAsync(string serial, CancellationToken cancel = default) => throw new NotSupportedException();
        public Task<System.Collections.Generic.IReadOnlyDictionary<string, long>> ReadDropsAsync(CancellationToken cancel = default) => throw new NotSupportedException();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
