using System.Linq;
using System.Threading.Tasks;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;
using static PosSlot.Fleet.Tests.Support.FleetSamples;

namespace PosSlot.Fleet.Tests;

/// <summary>What both engines promise: idempotent writes, newest state wins, each milestone once, versioned schema.</summary>
public abstract class FleetStoreContract
{
    /// <summary>A --db location for a fresh, empty store.</summary>
    protected abstract string NewLocation();

    private async Task<IFleetStore> OpenNewAsync() => await FleetStoreLocation.Parse(NewLocation()).OpenAsync();

    [TestMethod]
    public async Task ARedeliveredStateChangesNothing()
    {
        await using var store = await OpenNewAsync();
        CollectionAssert.AreEqual(new[] { StoreOutcome.Stored }, (await store.WriteAsync([State("PS-1", 1_000)])).ToArray());
        CollectionAssert.AreEqual(new[] { StoreOutcome.Duplicate, StoreOutcome.Duplicate },
            (await store.WriteAsync([State("PS-1", 1_000), State("PS-1", 1_000)])).ToArray());
        Assert.AreEqual(1, (await store.ReadHistoryAsync("PS-1")).Count);
        Assert.AreEqual(1, (await store.ReadBoardsAsync()).Count);
    }

    [TestMethod]
    public async Task AnOlderStateArrivingLateDoesNotOverwriteTheNewer()
    {
        await using var store = await OpenNewAsync();
        await store.WriteAsync([State("PS-1", 2_000, "Degraded", 2000)]);
        await store.WriteAsync([State("PS-1", 1_000, "Healthy", 1000)]);
        var board = (await store.ReadBoardsAsync()).Single();
        Assert.AreEqual("Degraded", board.Health);
        Assert.AreEqual(2_000, board.LastSeenMs);
        Assert.AreEqual(2000L, board.Insertions);
        // The late one still belongs to the trend, in time order.
        CollectionAssert.AreEqual(new[] { 1_000L, 2_000L }, (await store.ReadHistoryAsync("PS-1")).Select(p => p.AgentTimeMs).ToArray());
    }

    [TestMethod]
    public async Task EachMilestoneIsStoredOnceFromOverlappingMessages()
    {
        await using var store = await OpenNewAsync();
        var outcomes = await store.WriteAsync([Events("PS-1", 1_000, [1, 2]), Events("PS-1", 2_000, [2, 3]), Events("PS-1", 2_000, [2, 3])]);
        CollectionAssert.AreEqual(new[] { StoreOutcome.Stored, StoreOutcome.Stored, StoreOutcome.Duplicate }, outcomes.ToArray());
        CollectionAssert.AreEqual(new[] { 1L, 2L, 3L }, (await store.ReadMilestonesAsync("PS-1")).Select(m => m.Id).ToArray());
        Assert.AreEqual(1_000, (await store.ReadMilestonesAsync(null)).First(m => m.Id == 2).AgentTimeMs);
    }

    [TestMethod]
    public async Task RoutineCountsFollowTheNewestEventsMessageOnly()
    {
        await using var store = await OpenNewAsync();
        await store.WriteAsync([Events("PS-1", 2_000, [], new RoutineRecord("read_failed", 5, 900, 42))]);
        await store.WriteAsync([Events("PS-1", 1_000, [], new RoutineRecord("read_failed", 2, 500, 40), new RoutineRecord("contact_restored", 1, 400, 39))]);
        var routine = await store.ReadRoutineAsync("PS-1");
        Assert.AreEqual(1, routine.Count);
        Assert.AreEqual(5, routine[0].Count);
        Assert.AreEqual(42L, routine[0].LastInsertion);
    }

    [TestMethod]
    public async Task AnOfflineWillChangesTheStatusAndKeepsTheLastKnownHealth()
    {
        await using var store = await OpenNewAsync();
        await store.WriteAsync([State("PS-1", 1_000, "Watch"), Offline("PS-1", 2_000), Offline("PS-2", 2_000)]);
        var boards = await store.ReadBoardsAsync();
        Assert.AreEqual("offline", boards[0].Status);
        Assert.AreEqual("Watch", boards[0].Health);
        Assert.AreEqual(900, boards[0].IntervalS);
        Assert.AreEqual("offline", boards[1].Status);
        Assert.IsNull(boards[1].Health);
    }

    [TestMethod]
    public async Task TwoDifferentStatesInTheSameSecondAreBothKept()
    {
        await using var store = await OpenNewAsync();
        var outcomes = await store.WriteAsync([State("PS-1", 1_000, "Healthy"), State("PS-1", 1_000, "Watch", insertions: 1001) with { Json = "{\"other\":1}" }]);
        CollectionAssert.AreEqual(new[] { StoreOutcome.Stored, StoreOutcome.Stored }, outcomes.ToArray());
        Assert.AreEqual(2, (await store.ReadHistoryAsync("PS-1")).Count);
        Assert.AreEqual("Watch", (await store.ReadBoardsAsync()).Single().Health);
    }

    [TestMethod]
    public async Task TheOfflineWillAppliesAfterNewerOnlineStatesButNeverMovesTheTimeBack()
    {
        // The will is composed at connect (t=1,000); the agent then reports at 5,000 and vanishes.
        await using var store = await OpenNewAsync();
        await store.WriteAsync([State("PS-1", 5_000, "Degraded"), Offline("PS-1", 1_000)]);
        var board = (await store.ReadBoardsAsync()).Single();
        Assert.AreEqual("offline", board.Status);
        Assert.AreEqual(5_000, board.LastSeenMs);
        Assert.AreEqual("Degraded", board.Health);
        // The agent comes back: its next state is online again.
        await store.WriteAsync([State("PS-1", 6_000, "Degraded")]);
        Assert.AreEqual("online", (await store.ReadBoardsAsync()).Single().Status);
    }

    [TestMethod]
    public async Task DropsAreCountedByReason()
    {
        await using var store = await OpenNewAsync();
        var outcomes = await store.WriteAsync([new DropRecord("oversized"), new DropRecord("wrong_serial"), new DropRecord("oversized")]);
        Assert.IsTrue(outcomes.All(o => o == StoreOutcome.Dropped));
        await store.WriteAsync([new DropRecord("oversized")]);
        var drops = await store.ReadDropsAsync();
        Assert.AreEqual(3, drops["oversized"]);
        Assert.AreEqual(1, drops["wrong_serial"]);
    }

    [TestMethod]
    public async Task TheFleetAsOfATimeIsEachBoardsNewestStateThen()
    {
        await using var store = await OpenNewAsync();
        await store.WriteAsync([State("PS-1", 1_000, "Healthy"), State("PS-1", 3_000, "Failed"), State("PS-2", 2_000, "Watch", site: "shop-2"), State("PS-3", 5_000)]);
        var then = await store.ReadBoardsAsOfAsync(2_500);
        CollectionAssert.AreEqual(new[] { "PS-1:Healthy", "PS-2:Watch" }, then.Select(p => p.Serial + ":" + p.Health).ToArray());
        Assert.AreEqual("PS-2", (await store.ReadBoardsAsOfAsync(2_500, "shop-2")).Single().Serial);
        Assert.AreEqual("shop-2", (await store.ReadBoardsAsync("shop-2")).Single().Site);
        Assert.AreEqual(1, (await store.ReadHistoryAsync("PS-1", 2_000, 4_000)).Count);
    }

    [TestMethod]
    public async Task ReopeningKeepsTheDataAndTheSchemaVersion()
    {
        var location = FleetStoreLocation.Parse(NewLocation());
        await using (var store = await location.OpenAsync())
        {
            await store.WriteAsync([State("PS-1", 1_000)]);
        }
        await using (var again = await location.OpenAsync())
        {
            Assert.AreEqual(1, (await again.ReadBoardsAsync()).Count);
            Assert.AreEqual(StoreOutcome.Duplicate, (await again.WriteAsync([State("PS-1", 1_000)]))[0]);
        }
    }
}

[TestClass]
public sealed class SqliteFleetStoreTests : FleetStoreContract
{
    protected override string NewLocation() => TestStores.NewSqlite();
}

[TestClass]
public sealed class PostgresFleetStoreTests : FleetStoreContract
{
    protected override string NewLocation() => SharedPostgres.NewDatabase();
}
