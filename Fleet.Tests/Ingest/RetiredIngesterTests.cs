using System;
using System.Threading.Tasks;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;
using static PosSlot.Fleet.Tests.Support.FleetPublisher;

namespace PosSlot.Fleet.Tests.Ingest;

/// <summary>
/// An ingester's session outlives it (7 days), and Mosquitto goes on dealing a gone member of the shared
/// subscription its share of the fleet: measured, a 1,000-board run stored half its messages because an earlier
/// run's ingester, under another client id, was still dealt the other half. `--end-session` on the way out of an
/// ingester that will not come back removes its session, and the rest of the group gets everything.
/// </summary>
[TestClass]
public sealed class RetiredIngesterTests
{
    [TestMethod]
    [DataRow(true, DisplayName = "ended session: the next ingester gets every message")]
    [DataRow(false, DisplayName = "kept session: the gone ingester is still dealt its share")]
    public async Task AnIngesterThatEndsItsSessionIsNoLongerDealtAShare(bool endSession)
    {
        using var broker = MosquittoBroker.Start();
        await using var store = await FleetStoreLocation.Parse(TestStores.NewSqlite()).OpenAsync();
        var goneLog = "";
        await using (var gone = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-gone") with
        {
            IdleExit = TimeSpan.FromMilliseconds(300), EndSession = endSession,
        }))
        {
            await gone.Running.WaitAsync(TimeSpan.FromSeconds(20));
            goneLog = gone.Log;
        }
        // The next ingester joins the group before the fleet publishes, as it would in service.
        await using var next = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-next"));
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);
        for (var i = 0; i < 40; i++)
        {
            await sim.Publish(State($"PS-{i:D4}", 1));
        }
        if (endSession)
        {
            StringAssert.Contains(goneLog, "ended its session ingest-gone");
            await IngestRun.Until(() => next.Ingester.Summary.Stored == 40, "all 40 states stored");
            Assert.AreEqual(40, (await store.ReadBoardsAsync()).Count);
        }
        else
        {
            // Its share waited in its session: back under its id, it gets what the live one did not.
            await using var back = await IngestRun.Start(store, IngestRun.Options(broker, "ingest-gone"));
            await IngestRun.Until(() => next.Ingester.Summary.Stored + back.Ingester.Summary.Stored == 40, "all 40 states stored by the two");
            Assert.IsTrue(back.Ingester.Summary.Stored > 0, $"the gone ingester's session held {back.Ingester.Summary.Stored}");
        }
    }
}
