using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace PosSlot.Fleet.Agent;

/// <summary>
/// The agent's MQTT 5 connection (MQTTnet): user and password, a retained QoS 1 last will (the
/// `offline` state), QoS 1 publishes that wait for the broker's PUBACK and read its reason code.
/// Any failure to reach the broker is Unreachable (the message stays in the spool); a reason code
/// that is not success is Refused. The password is never logged.
/// </summary>
public sealed class MqttFleetPublisher(BrokerUrl broker, string clientId, string? username, string? password) : IFleetPublisher
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    bool _used;
    string? _willTopic;

    public string? ConnectRefusal { get; private set; }

    public async Task<bool> EnsureConnected(string willTopic, byte[] willPayload, CancellationToken ct)
    {
        if (_client.IsConnected && _willTopic == willTopic)
        {
            return true;
        }
        if (_client.IsConnected)
        {
            await Disconnect();
        }
        if (_used)
        {
            // A client whose connection broke may still be tearing it down (MQTTnet refuses to connect
            // then): start each new connection on a fresh client.
            _client.Dispose();
            _client = new MqttClientFactory().CreateMqttClient();
        }
        _used = true;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            var result = await _client.ConnectAsync(ConnectOptions(willTopic, willPayload), timeout.Token);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                ConnectRefusal = result.ResultCode.ToString();
                return false;
            }
            ConnectRefusal = null;
            _willTopic = willTopic;
            return true;
        }
        catch (Exception e) when (Transient(e))
        {
            return false;
        }
    }

    /// <summary>How this agent connects: its last will is the given `offline` state.</summary>
    public MqttClientOptions ConnectOptions(string willTopic, byte[] willPayload)
    {
        var b = FleetMqtt.Builder(broker, clientId, username, password ?? "")
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(Timeout)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);
        return b.Build().WithLargeSocketBuffers();
    }

    public async Task<(PublishOutcome Outcome, string Refusal)> Publish(string topic, byte[] payload, bool retain, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            return (PublishOutcome.Unreachable, "");
        }
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .WithContentType("application/json")
            .Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            var result = await _client.PublishAsync(message, timeout.Token);
            // No subscriber yet is still delivered to the broker (and kept if retained).
            if (result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                return (PublishOutcome.Acked, "");
            }
            return (PublishOutcome.Refused, "broker_" + Snake(result.ReasonCode.ToString()));
        }
        catch (Exception e) when (Transient(e))
        {
            return (PublishOutcome.Unreachable, "");
        }
    }

    static bool Transient(Exception e) =>
        e is MqttCommunicationException or MqttConnectingFailedException or OperationCanceledException or TimeoutException
            or System.Net.Sockets.SocketException or System.IO.IOException or ObjectDisposedException
            or MqttClientNotConnectedException or InvalidOperationException;

    static string Snake(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        foreach (char c in pascal)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Drops the connection without a goodbye (what a killed process does): the broker publishes the will.</summary>
    public void Abandon() => _client.Dispose();

    /// <summary>A clean disconnect: the broker does not publish the will (the agent is stopping on purpose).</summary>
    public async Task Disconnect()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }
        }
        catch (Exception e) when (Transient(e))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Disconnect();
        _client.Dispose();
    }
}
