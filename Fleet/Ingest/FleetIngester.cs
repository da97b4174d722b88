using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Ingest;

/// <summary>
/// MQTT to the store. Subscribes with a shared subscription (QoS 1, persistent session), turns each message into a
/// store item, writes them in batches (one transaction each) and acknowledges a message only after its batch is
/// committed: a killed ingester, a dead database or a lost connection loses nothing, the broker redelivers, and the
/// store's keys make the redelivery harmless. A database error is retried with backoff, without acknowledging.
/// </summary>
public sealed class FleetIngester(IFleetStore store, IngestOptions options)
{
    private readonly Channel<Received> inbox = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, int> detailsLogged = new();
    private long lastMessageTicks = Stopwatch.GetTimestamp();
    private int connection;
    private int writing;
    private long queued;
    private long leftUnacknowledged;
    private bool closed;
    private readonly Lock idleGate = new();

    public IngestSummary Summary { get; } = new();

    private long delivered;

    /// <summary>Messages the broker has delivered so far (stored, held or dropped).</summary>
    public long Delivered => Interlocked.Read(ref delivered);

    /// <summary>True while connected and subscribed (tests wait for it).</summary>
    public bool Subscribed { get; private set; }

    private sealed record Received(string Topic, byte[] Payload, MqttApplicationMessageReceivedEventArgs Message, int Connection);

    /// <summary>Runs until cancelled or idle for <see cref="IngestOptions.IdleExit"/>; throws if the first connection fails.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        ReserveThreads();
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            // Acknowledged by the writer after the commit, never by MQTTnet on return.
            e.AutoAcknowledge = false;
            Interlocked.Increment(ref delivered);
            Interlocked.Exchange(ref lastMessageTicks, Stopwatch.GetTimestamp());
            // Checked and parsed by the writer, a batch at a time on every core (validation is the costly part).
            var payload = e.ApplicationMessage.Payload.ToArray();
            lock (idleGate)
            {
                // After the idle exit closed the inbox a late message is left unacknowledged: the next run gets it.
                if (!closed)
                {
                    queued++;
                    inbox.Writer.TryWrite(new Received(e.ApplicationMessage.Topic, payload, e, Volatile.Read(ref connection)));
                }
                else
                {
                    leftUnacknowledged++;
                }
            }
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += _ =>
        {
            Subscribed = false;
            return Task.CompletedTask;
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            await ConnectAsync(client, stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException and not IngestException)
        {
            // The first connection decides: a wrong address or password is reported, not retried for ever.
            throw new IngestException($"cannot connect to {options.Broker}: {e.Message}");
        }
        // Idle time counts from the subscription, not from a slow start.
        Interlocked.Exchange(ref lastMessageTicks, Stopwatch.GetTimestamp());
        var writer = WriteLoopAsync(stop.Token);
        var watcher = WatchAsync(client, stop.Token);
        try
        {
            // The watcher completes the inbox when idle; the writer then drains it and ends. A fault in either ends the run.
            if (await Task.WhenAny(writer, watcher) == watcher && watcher.IsFaulted)
            {
                await watcher;
            }
            await writer;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
        finally
        {
            stop.Cancel();
            try
            {
                await watcher;
            }
            catch (OperationCanceledException)
            {
            }
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
            }
            if (options.EndSession)
            {
                await EndSessionAsync(client);
            }
        }
    }

    // Ends the session only when nothing received is left unstored: the broker would discard what it holds for it.
    // MQTTnet leaves a zero Session Expiry Interval out of DISCONNECT (where absent means "as at CONNECT"), so the
    // session is ended the other way: a clean-start connection with no expiry replaces it, and its end ends both.
    private async Task EndSessionAsync(IMqttClient client)
    {
        lock (idleGate)
        {
            if (queued != 0 || Volatile.Read(ref writing) != 0 || leftUnacknowledged != 0)
            {
                options.Log.WriteLine($"ingest: kept its session {options.ClientId}: {queued + leftUnacknowledged} messages received are not stored yet; run it again under this id to store them");
                return;
            }
        }
        var clean = FleetMqtt.Builder(options.Broker, options.ClientId, options.Username, options.Password)
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0);
        try
        {
            await client.ConnectAsync(clean.Build(), CancellationToken.None);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
            options.Log.WriteLine($"ingest: ended its session {options.ClientId} at the broker (--end-session)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            options.Log.WriteLine($"ingest: could not end its session {options.ClientId} ({Clip(e.Message)}); the broker keeps it for {options.SessionExpiry.TotalDays:0} days");
        }
    }

    /// <summary>Pool threads the ingester may block without starving the MQTT client.</summary>
    public const int MinPoolThreads = 32;

    /// <summary>
    /// The stores' database calls run synchronously (Microsoft.Data.Sqlite's async methods complete on the
    /// calling thread), so each write blocks a pool thread; on a 2-core machine the pool starts with 2, and the
    /// MQTT client's receive and acknowledgement work then waits for the pool to grow (about one thread a second).
    /// Measured: a 86,000-message backlog drained at ~12 messages/s with the default pool, in seconds with this.
    /// </summary>
    public static void ReserveThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinPoolThreads)
        {
            ThreadPool.SetMinThreads(MinPoolThreads, io);
        }
    }

    private StoreItem[] Classify(List<Received> batch)
    {
        var items = new StoreItem[batch.Count];
        var details = new string[batch.Count];
        // A plain loop: classifying is a fraction of a millisecond a message, and a Parallel.For here would
        // block pool threads the MQTT client needs to hand over messages (see ReserveThreads).
        for (var i = 0; i < batch.Count; i++)
        {
            items[i] = MessageIntake.Classify(batch[i].Topic, batch[i].Payload, out details[i]);
        }
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is DropRecord d)
            {
                LogDrop(d.Reason, batch[i].Topic, details[i]);
            }
        }
        return items;
    }

    /// <summary>How this ingester connects (tests read it).</summary>
    public MqttClientOptions ClientOptions()
    {
        var b = FleetMqtt.Builder(options.Broker, options.ClientId, options.Username, options.Password)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum(options.ReceiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        return b.Build().WithLargeSocketBuffers();
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancel)
    {
        // The generation first: a resumed session's messages arrive before ConnectAsync returns.
        Interlocked.Increment(ref connection);
        var result = await client.ConnectAsync(ClientOptions(), cancel);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new IngestException($"the broker refused the connection: {result.ResultCode}");
        }
        var sub = await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(IngestOptions.Subscription).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(),
            cancel);
        foreach (var item in sub.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new IngestException($"the broker refused the subscription {IngestOptions.Subscription}: {item.ResultCode}");
            }
        }
        Subscribed = true;
    }

    // Reconnects after a lost connection (backoff) and ends the run after the idle time.
    private async Task WatchAsync(IMqttClient client, CancellationToken stop)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            if (!client.IsConnected)
            {
                try
                {
                    await ConnectAsync(client, stop);
                    options.Log.WriteLine($"ingest: reconnected to {options.Broker}");
                    backoff = TimeSpan.FromMilliseconds(200);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    options.Log.WriteLine($"ingest: broker {options.Broker} unavailable ({e.Message}); retrying in {backoff.TotalSeconds:0.#} s");
                    await Task.Delay(backoff, stop);
                    backoff = Min(backoff * 2, options.MaxBackoff);
                }
                continue;
            }
            if (options.IdleExit is { } idle)
            {
                lock (idleGate)
                {
                    if (queued == 0 && Volatile.Read(ref writing) == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastMessageTicks)) >= idle)
                    {
                        closed = true;
                        inbox.Writer.TryComplete();
                        return;
                    }
                }
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancel)
    {
        var batch = new List<Received>(options.BatchSize);
        var items = new List<StoreItem>(options.BatchSize);
        while (await inbox.Reader.WaitToReadAsync(cancel))
        {
            batch.Clear();
            items.Clear();
            lock (idleGate)
            {
                writing = 1;
            }
            while (batch.Count < options.BatchSize && inbox.Reader.TryRead(out var r))
            {
                lock (idleGate)
                {
                    queued--;
                }
                batch.Add(r);
            }
            items.AddRange(Classify(batch));
            var outcomes = await WriteWithRetryAsync(items, cancel);
            for (var i = 0; i < batch.Count; i++)
            {
                Summary.Add(items[i], outcomes[i]);
            }
            options.Committed?.Invoke(items, outcomes);
            await AcknowledgeAsync(batch, cancel);
            // Idle time counts from the last message stored, not from the last received.
            Interlocked.Exchange(ref lastMessageTicks, Stopwatch.GetTimestamp());
            Volatile.Write(ref writing, 0);
        }
    }

    private async Task<IReadOnlyList<StoreOutcome>> WriteWithRetryAsync(List<StoreItem> items, CancellationToken cancel)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        var failures = 0;
        while (true)
        {
            try
            {
                var outcomes = await store.WriteAsync(items, cancel);
                if (failures > 0)
                {
                    options.Log.WriteLine($"ingest: the database is back after {failures} failed attempts; batch of {items.Count} stored");
                }
                return outcomes;
            }
            catch (Exception e) when (e is not OperationCanceledException and not FleetStoreException)
            {
                // Nothing of the batch is committed and nothing acknowledged: the broker keeps it until we can.
                if (failures++ == 0)
                {
                    options.Log.WriteLine($"ingest: the database is unavailable ({Clip(e.Message)}); holding {items.Count} messages, retrying");
                }
                await Task.Delay(backoff, cancel);
                backoff = Min(backoff * 2, options.MaxBackoff);
            }
        }
    }

    private async Task AcknowledgeAsync(List<Received> batch, CancellationToken cancel)
    {
        var current = Volatile.Read(ref connection);
        foreach (var r in batch)
        {
            // A message received on an earlier connection cannot be acknowledged on this one (the packet id is
            // that connection's); the broker redelivers it and the store finds it a duplicate.
            if (r.Connection != current)
            {
                continue;
            }
            try
            {
                await r.Message.AcknowledgeAsync(cancel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The connection dropped between commit and ack: the same as above.
            }
        }
    }

    private void LogDrop(string reason, string topic, string detail)
    {
        lock (detailsLogged)
        {
            // The first few of each reason with their detail, then silence: a flood of bad messages must not flood the log.
            var n = detailsLogged.GetValueOrDefault(reason);
            detailsLogged[reason] = n + 1;
            if (n < 3)
            {
                options.Log.WriteLine($"ingest: dropped ({reason}) {Clip(topic)}: {Clip(detail)}");
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Clip(string s) => s.Length > 160 ? s[..160] + "..." : s;
}

/// <summary>The ingester cannot go on (the broker refused it); one line for the user.</summary>
public sealed class IngestException(string message) : Exception(message);
