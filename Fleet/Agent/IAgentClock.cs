using System;
using System.Threading;
using System.Threading.Tasks;

namespace PosSlot.Fleet.Agent;

/// <summary>The agent's clock: the wall clock in the field, simulated time in tests and the fleet simulator.</summary>
public interface IAgentClock
{
    DateTimeOffset UtcNow { get; }

    /// <summary>Waits (or, simulated, jumps) until `until`; false when cancelled first.</summary>
    Task<bool> WaitUntil(DateTimeOffset until, CancellationToken stop);
}

public sealed class WallClock : IAgentClock
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public async Task<bool> WaitUntil(DateTimeOffset until, CancellationToken stop)
    {
        var left = until - DateTimeOffset.UtcNow;
        if (left > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(left, stop);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return !stop.IsCancellationRequested;
    }
}

/// <summary>Simulated time: it moves only when told (Set/Advance) or when waited on.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : IAgentClock
{
    public DateTimeOffset UtcNow { get; private set; } = start;

    public void Set(DateTimeOffset t) => UtcNow = t > UtcNow ? t : UtcNow;

    public void Advance(TimeSpan d) => UtcNow += d;

    public Task<bool> WaitUntil(DateTimeOffset until, CancellationToken stop)
    {
        Set(until);
        return Task.FromResult(!stop.IsCancellationRequested);
    }
}
