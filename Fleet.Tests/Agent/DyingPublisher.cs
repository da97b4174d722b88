using System;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Agent;

namespace PosSlot.Fleet.Tests.Agent;

/// <summary>Thrown where the agent process is killed.</summary>
sealed class AgentKilledException : Exception;

/// <summary>
/// The real publisher, but the agent "dies" right after its Nth publish reached the broker and before
/// it could record the acknowledgement (the worst moment: the spool still holds a delivered message).
/// The connection is dropped without a goodbye, as a killed process's would be.
/// </summary>
sealed class DyingPublisher(MqttFleetPublisher inner, int dieAfter) : IFleetPublisher
{
    int _published;

    public string? ConnectRefusal => inner.ConnectRefusal;

    public Task<bool> EnsureConnected(string willTopic, byte[] willPayload, CancellationToken ct) => inner.EnsureConnected(willTopic, willPayload, ct);

    public async Task<(PublishOutcome Outcome, string Refusal)> Publish(string topic, byte[] payload, bool retain, CancellationToken ct)
    {
        var result = await inner.Publish(topic, payload, retain, ct);
        if (++_published == dieAfter)
        {
            inner.Abandon();
            throw new AgentKilledException();
        }
        return result;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
