using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Emulator.Scenarios;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Simulation;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Agent;

/// <summary>
/// One emulated reader with its agent on simulated time, against a real broker: the pieces the
/// agent tests share. Hours() runs the board and reports once an hour.
/// </summary>
sealed class AgentRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public readonly MosquittoBroker Broker;
    public readonly EmulatedBoard Board;
    public readonly SimulatedClock Clock = new(Start);
    public readonly string SpoolDir;
    public readonly StringWriter Log = new();
    public Spool Spool;
    public IFleetPublisher Publisher;
    public FleetAgent Agent;
    public readonly string Site = "shop-1";
    readonly string _user;
    readonly int _capacity;

    /// <summary>A detect switch that sticks at card 800, 2,000 customers a day: milestones within hours.</summary>
    public static Scenario Busy(string name = "detect-broken") => ScenarioCatalog.Find(name)! with { InsertionsPerDay = 2000 };

    public AgentRig(MosquittoBroker broker, string serial, string? user = null, int capacity = Spool.DefaultCapacity, Scenario? scenario = null)
    {
        Broker = broker;
        _user = user ?? serial;
        _capacity = capacity;
        Board = new EmulatedBoard(scenario ?? Busy(), 7, serial, Start);
        SpoolDir = Directory.CreateTempSubdirectory("posslot-spool-").FullName;
        Spool = new Spool(SpoolDir, capacity);
        Publisher = NewPublisher();
        Agent = NewAgent();
    }

    public IFleetPublisher NewPublisher() =>
        new MqttFleetPublisher(BrokerUrl.Parse(Broker.Url), "agent-" + Board.Serial + "-" + Guid.NewGuid().ToString("N")[..6], _user, Broker.Password(_user));

    FleetAgent NewAgent() => new(new AgentSettings { Site = Site, Interval = TimeSpan.FromHours(1), RetryEvery = TimeSpan.FromHours(1) }, Board, Clock, Spool, Publisher, Log);

    /// <summary>The agent process died and a new one starts on the same spool directory.</summary>
    public async Task Restart(bool cleanly)
    {
        if (cleanly)
        {
            await Publisher.DisposeAsync();
        }
        Spool.Dispose();
        Spool = new Spool(SpoolDir, _capacity);
        Publisher = NewPublisher();
        Agent = NewAgent();
    }

    /// <summary>Runs `hours` of customers, reporting at the end of each hour.</summary>
    public async Task<List<CycleReport>> Hours(int hours)
    {
        var reports = new List<CycleReport>();
        for (int h = 0; h < hours; h++)
        {
            Clock.Advance(TimeSpan.FromHours(1));
            Board.RunUntil(Clock.UtcNow);
            reports.Add(await Agent.Cycle(CancellationToken.None));
        }
        return reports;
    }

    /// <summary>The board's own milestone ids (what the agent must deliver), from the console.</summary>
    public List<long> BoardIds()
    {
        var ids = new List<long>();
        long since = 0;
        while (true)
        {
            var page = Board.Request($"events --since {since} --limit 32");
            var items = page.Data.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
            ids.AddRange(items);
            if (items.Count == 0 || !page.Data.GetProperty("more").GetBoolean())
            {
                return ids;
            }
            since = items[^1];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Publisher.DisposeAsync();
        Spool.Dispose();
        try
        {
            Directory.Delete(SpoolDir, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Milestone ids in the events messages received, in arrival order (duplicates kept).</summary>
    public static List<long> MilestoneIds(IEnumerable<Received> messages) =>
        messages.Where(m => m.Topic.EndsWith("/events"))
            .SelectMany(m => FleetJson.Events(m.Payload)!.Events.Select(e => e.Id)).ToList();

    public static List<StateMessage> States(IEnumerable<Received> messages) =>
        messages.Where(m => m.Topic.EndsWith("/state")).Select(m => FleetJson.State(m.Payload)!).ToList();
}
