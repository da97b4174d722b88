using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PosSlot.Fleet;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Fleet;

/// <summary><c>posslot fleet ingest</c> as a user runs it: real Mosquitto, an SQLite file, the summary, the exit codes.</summary>
[TestClass]
public sealed class FleetIngestCommandTests
{
    [TestMethod]
    public async Task IngestStoresWhatWasPublishedAndPrintsTheSummaryWhenIdle()
    {
        using var broker = MosquittoBroker.Start();
        var db = Path.Combine(broker.Directory, "fleet.db");
        const string clientId = "ingest-cli";
        // The session exists before the command starts (as after an earlier run): what is published now waits for it.
        await MakeSessionAsync(broker, clientId);
        await using (var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator))
        {
            foreach (var serial in new[] { "PS-0001", "PS-0002" })
            {
                await sim.Publish(FleetTopics.State("shop-7", serial), FleetJson.Bytes(State(serial)));
            }
            await sim.Publish("posslot/v1/shop-7/PS-0003/state", FleetJson.Bytes(State("PS-0001")));
        }

        var run = await Task.Run(() => CliRun.Of("fleet", "ingest", "--broker", broker.Url, "--db", "sqlite:" + db, "--idle-exit", "2",
            "--username", MosquittoBroker.Ingester, "--password-file", broker.PasswordFile(MosquittoBroker.Ingester), "--client-id", clientId));

        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "ingest: stored 2, duplicates 0, dropped 1 (wrong_serial 1)");
        Assert.IsFalse((run.Output + run.Error).Contains(broker.Password(MosquittoBroker.Ingester), StringComparison.Ordinal), "the password is never printed");
        await using var store = await FleetStoreLocation.Parse("sqlite:" + db).OpenAsync();
        CollectionAssert.AreEqual(new[] { "PS-0001", "PS-0002" }, (await store.ReadBoardsAsync()).Select(b => b.Serial).ToArray());
    }

    /// <summary>
    /// `--end-session`: the broker forgets the ingester, so a state published afterwards is not kept for it (a
    /// retired ingester would otherwise go on being dealt its share for 7 days). Without it the state waits.
    /// </summary>
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task EndSessionMakesTheBrokerForgetTheIngester(bool endSession)
    {
        using var broker = MosquittoBroker.Start();
        var db = Path.Combine(broker.Directory, "fleet.db");
        string[] Ingest(bool end) => ["fleet", "ingest", "--broker", broker.Url, "--db", "sqlite:" + db, "--idle-exit", "1",
            "--username", MosquittoBroker.Ingester, "--password-file", broker.PasswordFile(MosquittoBroker.Ingester), "--client-id", "ingest-retired",
            .. end ? new[] { "--end-session" } : []];
        var first = await Task.Run(() => CliRun.Of(Ingest(endSession)));
        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.Error);
        Assert.AreEqual(endSession, first.Error.Contains("ended its session ingest-retired", StringComparison.Ordinal), first.Error);
        await using (var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator))
        {
            await sim.Publish(FleetTopics.State("shop-7", "PS-0001"), FleetJson.Bytes(State("PS-0001")));
        }

        var again = await Task.Run(() => CliRun.Of(Ingest(false)));

        Assert.AreEqual(ExitCodes.Ok, again.ExitCode, again.Error);
        StringAssert.Contains(again.Output, endSession ? "ingest: stored 0," : "ingest: stored 1,");
    }

    [TestMethod]
    public async Task AnIngestProcessKilledMidStreamLosesNothingOnceRestartedWithItsClientId()
    {
        using var broker = MosquittoBroker.Start();
        var db = "sqlite:" + Path.Combine(broker.Directory, "fleet.db");
        const string clientId = "ingest-killed";
        await MakeSessionAsync(broker, clientId);
        await using var sim = await MqttProbe.Connect(broker, MosquittoBroker.Simulator);
        const int boards = 1500;
        var publishing = Task.Run(async () =>
        {
            for (var i = 0; i < boards; i++)
            {
                await sim.Publish(FleetTopics.State("shop-7", $"PS-{i:D5}"), FleetJson.Bytes(State($"PS-{i:D5}")));
            }
        });

        // SIGKILL once it has stored something, while messages are still streaming in: no DISCONNECT, no cleanup.
        using (var first = Ingest(broker, db, clientId, idleExit: null))
        {
            await WaitAsync(async () => await CountAsync(db) > 0, "the first run storing something");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        await publishing;
        using var second = Ingest(broker, db, clientId, idleExit: 3);
        var output = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();
        Assert.AreEqual(ExitCodes.Ok, second.ExitCode, output + await second.StandardError.ReadToEndAsync());
        Assert.AreEqual(boards, await CountAsync(db), output);
    }

    private static System.Diagnostics.Process Ingest(MosquittoBroker broker, string db, string clientId, int? idleExit)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "posslot.dll"), "fleet", "ingest", "--broker", broker.Url, "--db", db,
            "--username", MosquittoBroker.Ingester, "--password-file", broker.PasswordFile(MosquittoBroker.Ingester), "--client-id", clientId })
        {
            psi.ArgumentList.Add(a);
        }
        if (idleExit is { } s)
        {
            psi.ArgumentList.Add("--idle-exit");
            psi.ArgumentList.Add(s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return System.Diagnostics.Process.Start(psi)!;
    }

    private static async Task<int> CountAsync(string db)
    {
        if (!File.Exists(db["sqlite:".Length..]))
        {
            return 0;
        }
        await using var store = await FleetStoreLocation.Parse(db).OpenAsync();
        return (await store.ReadBoardsAsync()).Count;
    }

    private static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("waited 60 s for " + what);
            }
            await Task.Delay(20);
        }
    }

    [TestMethod]
    public void ABadStoreOrBrokerIsOneLineAndExit2AndAnUnreachableBrokerExit3()
    {
        var badDb = CliRun.Of("fleet", "ingest", "--broker", "mqtt://127.0.0.1:1", "--db", "mysql://x@127.0.0.1/fleet");
        Assert.AreEqual(ExitCodes.BadInput, badDb.ExitCode);
        StringAssert.Contains(badDb.Error, "--db: use sqlite:PATH or postgres://");
        var badBroker = CliRun.Of("fleet", "ingest", "--broker", "http://127.0.0.1:1883");
        Assert.AreEqual(ExitCodes.BadInput, badBroker.ExitCode);
        var lonelyUser = CliRun.Of("fleet", "ingest", "--broker", "mqtt://127.0.0.1:1", "--username", "ingest");
        Assert.AreEqual(ExitCodes.BadInput, lonelyUser.ExitCode);

        var dir = Directory.CreateTempSubdirectory("posslot-ingest-cli-").FullName;
        try
        {
            var unreachable = CliRun.Of("fleet", "ingest", "--broker", "mqtt://127.0.0.1:1", "--db", "sqlite:" + Path.Combine(dir, "f.db"));
            Assert.AreEqual(ExitCodes.IoFailure, unreachable.ExitCode, unreachable.Error);
            StringAssert.Contains(unreachable.Error, "cannot connect to mqtt://127.0.0.1:1");
            Assert.AreEqual(1, unreachable.Error.Trim().Split('\n').Length, unreachable.Error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static StateMessage State(string serial) => new()
    {
        Serial = serial,
        Site = "shop-7",
        Status = StateMessage.Offline,
        AgentTime = "2026-03-01T12:00:00Z",
        IntervalS = 900,
        LastEventId = 0,
        Spool = new SpoolInfo(),
        Reason = "agent gone",
    };

    private static async Task MakeSessionAsync(MosquittoBroker broker, string clientId)
    {
        using var c = new MqttClientFactory().CreateMqttClient();
        await c.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials(MosquittoBroker.Ingester, broker.Password(MosquittoBroker.Ingester)).WithClientId(clientId)
            .WithCleanStart(true).WithSessionExpiryInterval(3600).Build(), CancellationToken.None);
        await c.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(PosSlot.Fleet.Ingest.IngestOptions.Subscription, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await c.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(3600).Build());
    }
}
