using System;
using System.Threading;
using System.Threading.Tasks;

namespace PosSlot.Fleet.Agent;

/// <summary>What became of one publish.</summary>
public enum PublishOutcome
{
    /// <summary>The broker acknowledged it (QoS 1 PUBACK, success).</summary>
    Acked,

    /// <summary>The broker answered with a refusal that a retry will not change (not authorised, too large...).</summary>
    Refused,

    /// <summary>No broker, or the connection dropped before the acknowledgement: try again later.</summary>
    Unreachable,
}

/// <summary>The agent's way to the broker: MqttFleetPublisher, or a fake in unit tests.</summary>
public interface IFleetPublisher : IAsyncDisposable
{
    /// <summary>Connects if not connected, with `willPayload` as the retained last will on `willTopic`. False when unreachable.</summary>
    Task<bool> EnsureConnected(string willTopic, byte[] willPayload, CancellationToken ct);

    /// <summary>Publishes at QoS 1 and waits for the acknowledgement. `refusal` names the broker's reason.</summary>
    Task<(PublishOutcome Outcome, string Refusal)> Publish(string topic, byte[] payload, bool retain, CancellationToken ct);

    /// <summary>True once the broker refused the connection itself (bad credentials): retrying will not help.</summary>
    string? ConnectRefusal { get; }
}
