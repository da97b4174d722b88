using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace PosSlot.Fleet.Tests.Support;

/// <summary>A received message as a test sees it.</summary>
public sealed record Received(string Topic, byte[] Payload, bool Retain)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Payload);
}

/// <summary>
/// A plain MQTTnet 5 client for tests: connects to a MosquittoBroker as a given user, publishes,
/// and collects what its subscriptions deliver (WaitFor with a bounded timeout).
/// </summary>
public sealed class MqttProbe : IAsyncDisposable
{
    readonly IMqttClient _client;
    readonly ConcurrentQueue<Received> _received = new();
    readonly SemaphoreSlim _arrived = new(0);

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    MqttProbe()
    {
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Enqueue(new Received(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            _arrived.Release();
            return Task.CompletedTask;
        };
    }

    public IMqttClient Client => _client;

    public static async Task<MqttProbe> Connect(MosquittoBroker broker, string user, string? password = null, string? clientId = null)
    {
        var p = new MqttProbe();
        var result = await p._client.ConnectAsync(Options(broker, user, password ?? broker.Password(user), clientId), CancellationToken.None);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"connect as {user}: {result.ResultCode}");
        }
        return p;
    }

    public static MqttClientOptions Options(MosquittoBroker broker, string user, string password, string? clientId = null) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials(user, password)
            .WithClientId(clientId ?? $"probe-{user}-{Guid.NewGuid():N}")
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();

    public async Task Subscribe(string filter)
    {
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
    }

    public Task<MqttClientPublishResult> Publish(string topic, byte[] payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    public IReadOnlyList<Received> All => _received.ToList();

    /// <summary>Waits until the messages received so far satisfy `done` (or times out: false).</summary>
    public async Task<bool> WaitFor(Func<IReadOnlyList<Received>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (!done(All))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
        }
        _client.Dispose();
    }
}
