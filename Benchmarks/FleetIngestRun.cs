using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PosSlot.Fleet;
using PosSlot.Fleet.Ingest;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Benchmarks;

/// <summary>
/// <c>--fleet-ingest BOARDS ENGINE [RATE]</c>: N simulated boards (synthetic posslot.state/1 and posslot.events/1
/// messages of realistic size) through a real Mosquitto into SQLite or PostgreSQL through the real ingester.
/// Two phases: saturation (every board's state and events published as fast as the publishers can: messages/s
/// stored) and paced (RATE messages/s offered for 15 s: latency from publish to committed row, p50/p99).
/// </summary>
public static class FleetIngestRun
{
    private const int Publishers = 8;

    // Publishes in flight at once (spread over the publishers): QoS 1 waits for each PUBACK.
    private const int Workers = 64;
    private static readonly DateTimeOffset Epoch = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> Print(int boards, string engine, int rate)
    {
        var classify = ClassifyMicroseconds();
        using var broker = MosquittoBroker.Start();
        using var pg = engine == "postgres" ? PostgresServer.Start(durable: true) : null;
        var sqliteDir = engine == "sqlite" ? Directory.CreateTempSubdirectory("posslot-bench-").FullName : null;
        try
        {
            var db = pg?.CreateDatabase("bench") ?? "sqlite:" + Path.Combine(sqliteDir!, "fleet.db");
            await using var store = await FleetStoreLocation.Parse(db).OpenAsync();
            var published = new ConcurrentDictionary<(string, long, bool), long>();
            var latencies = new ConcurrentBag<double>();
            long stored = 0;
            var options = new IngestOptions
            {
                Broker = BrokerUrl.Parse(broker.Url),
                Username = MosquittoBroker.Ingester,
                Password = broker.Password(MosquittoBroker.Ingester),
                ClientId = "bench-ingest",
                Committed = (items, outcomes) =>
                {
                    var now = Stopwatch.GetTimestamp();
                    foreach (var item in items)
                    {
                        var key = item switch
                        {
                            StateRecord s => (s.Serial, s.AgentTimeMs, true),
                            EventsRecord e => (e.Serial, e.AgentTimeMs, false),
                            _ => default,
                        };
                        if (key.Item1 is not null && published.TryRemove(key, out var sent))
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                        }
                    }
                    Interlocked.Add(ref stored, items.Count);
                },
            };
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var ingester = new FleetIngester(store, options);
            using var stop = new CancellationTokenSource();
            var running = Task.Run(() => ingester.RunAsync(stop.Token));
            while (!ingester.Subscribed)
            {
                await Task.Delay(20);
            }
            var clients = await ConnectPublishersAsync(broker);
            var serials = Enumerable.Range(0, boards).Select(i => $"PS-{i:D6}").ToArray();

            // Saturation: every board's state and events once, all publishers at full speed.
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                for (var i = w; i < boards; i += Workers)
                {
                    await PublishAsync(clients[w % Publishers], serials[i], 0, published);
                }
            })));
            var total = boards * 2L;
            await WaitAsync(() => Interlocked.Read(ref stored) >= total, TimeSpan.FromMinutes(10));
            var saturated = total / clock.Elapsed.TotalSeconds;
            var saturationLatency = latencies.ToArray();
            latencies.Clear();
            GC.Collect();
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

            // Paced: RATE messages/s offered (state and events alternately, boards in turn) for 15 s.
            var seconds = 15;
            var count = rate * seconds;
            var start = Stopwatch.GetTimestamp();
            var baseline = Interlocked.Read(ref stored);
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                for (var n = w * 2; n < count; n += Workers * 2)
                {
                    var due = start + (long)(n / (double)rate * Stopwatch.Frequency);
                    var wait = due - Stopwatch.GetTimestamp();
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
                    }
                    await PublishAsync(clients[w % Publishers], serials[(n / 2) % boards], 1 + (n / 2 / boards), published);
                }
            })));
            await WaitAsync(() => Interlocked.Read(ref stored) - baseline >= count, TimeSpan.FromMinutes(5));
            var paced = latencies.ToArray();
            Array.Sort(paced);
            var offered = count / Stopwatch.GetElapsedTime(start).TotalSeconds;

            stop.Cancel();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }
            foreach (var c in clients)
            {
                await c.DisconnectAsync();
                c.Dispose();
            }
            Array.Sort(saturationLatency);
            Console.WriteLine($"fleet ingest: {boards} boards into {engine}: saturation {total} messages at {saturated:0} messages/s "
                + $"(latency p50 {Percentile(saturationLatency, 0.5):0} ms, p99 {Percentile(saturationLatency, 0.99):0} ms); "
                + $"paced {count} messages at {offered:0} messages/s offered: latency p50 {Percentile(paced, 0.5):0.0} ms, p99 {Percentile(paced, 0.99):0.0} ms, max {paced.LastOrDefault():0.0} ms; "
                + $"ingester heap {heapBefore / 1e6:0.0} MB before, {heapAfter / 1e6:0.0} MB after {boards} boards ({(heapAfter - heapBefore) / (double)boards:0} B per board); "
                + $"validation and parsing {classify:0} µs per message (state and events alike, one core); summary: {ingester.Summary}");
            return 0;
        }
        finally
        {
            if (sqliteDir is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(sqliteDir, recursive: true);
            }
        }
    }

    // The ingester's CPU per message before the database: schema validation (JsonSchema.Net) and parsing.
    private static double ClassifyMicroseconds()
    {
        var t = Epoch;
        var state = FleetJson.Bytes(SyntheticState("PS-000001", t, 0));
        var events = FleetJson.Bytes(SyntheticEvents("PS-000001", t, 0));
        var stateTopic = FleetTopics.State("bench", "PS-000001");
        var eventsTopic = FleetTopics.Events("bench", "PS-000001");
        for (var i = 0; i < 200; i++)
        {
            MessageIntake.Classify(stateTopic, state, out _);
        }
        const int n = 2000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            MessageIntake.Classify(i % 2 == 0 ? stateTopic : eventsTopic, i % 2 == 0 ? state : events, out _);
        }
        return clock.Elapsed.TotalMicroseconds / n;
    }

    private static async Task<IMqttClient[]> ConnectPublishersAsync(MosquittoBroker broker)
    {
        var clients = new IMqttClient[Publishers];
        for (var i = 0; i < Publishers; i++)
        {
            clients[i] = new MqttClientFactory().CreateMqttClient();
            await clients[i].ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithProtocolVersion(MqttProtocolVersion.V500)
                .WithCredentials(MosquittoBroker.Simulator, broker.Password(MosquittoBroker.Simulator)).WithClientId($"bench-pub-{i}").Build());
        }
        return clients;
    }

    // One board's state and events for one round (round r: agent time r * 15 min), as the agent would send them.
    private static async Task PublishAsync(IMqttClient client, string serial, int round, ConcurrentDictionary<(string, long, bool), long> published)
    {
        var t = Epoch.AddMinutes(15 * round);
        var ms = t.ToUnixTimeMilliseconds();
        var state = SyntheticState(serial, t, round);
        var events = SyntheticEvents(serial, t, round);
        published[(serial, ms, true)] = Stopwatch.GetTimestamp();
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(FleetTopics.State("bench", serial)).WithPayload(FleetJson.Bytes(state))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag().Build());
        published[(serial, ms, false)] = Stopwatch.GetTimestamp();
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(FleetTopics.Events("bench", serial)).WithPayload(FleetJson.Bytes(events))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
    }

    private static StateMessage SyntheticState(string serial, DateTimeOffset t, int round) => new()
    {
        Serial = serial,
        Site = "bench",
        Status = StateMessage.Online,
        AgentTime = FleetJson.Time(t),
        IntervalS = 900,
        Board = new BoardInfo("PosSlot", "esp32-devkitc", "1.0.0", 3600 + (round * 900), 86_400 + (round * 900), 2),
        Health = "Watch",
        Fault = "contact_wear",
        Fallback = new FallbackInfo(false, "auto"),
        Advice = new AdviceInfo(
            [new AdviceItem("contact_wear", "Watch", "Contacts are wearing: plan a slot replacement within the forecast.")],
            [new AdviceItem("contact_wear", "Watch", "触点正在磨损：请在预测期内安排更换卡槽。")]),
        Counters = new CounterInfo { InsertionsBoard = 41_000 + round, InsertionsSlot = 41_000 + round, RatedLife = 50_000, Boots = 2, CountsExact = true, PaymentsRetried = 3 },
        Wear = new WearInfo
        {
            Trend = true,
            LifeUsedPct = 82.1,
            BounceMeanUs = 4100,
            SeatDelayMeanUs = 98_000,
            FailedInInsertions = 9000,
            FailedInDays = new DaysRange(20, 30, 41),
            Faults = [new FaultLevel("contact_wear", "Watch", "bounce_growth", false)],
        },
        LastEventId = 12 + round,
        Spool = new SpoolInfo(),
    };

    private static EventsMessage SyntheticEvents(string serial, DateTimeOffset t, int round) => new()
    {
        Serial = serial,
        Site = "bench",
        AgentTime = FleetJson.Time(t),
        Events = [new Milestone(13 + round, 130_000 + round, "health_changed", 40_990 + round, "Healthy -> Watch (bounce_growth)")],
        Routine = [new RoutineCount { Event = "read_failed", Count = 4, LastTMs = 129_000, LastInsertion = 40_998 }],
    };

    private static async Task WaitAsync(Func<bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException("the ingester did not store everything in time");
            }
            await Task.Delay(10);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
