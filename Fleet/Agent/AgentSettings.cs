using System;

namespace PosSlot.Fleet.Agent;

/// <summary>How an agent reports: the site it is at, how often, and the serial to use while the board has never answered.</summary>
public sealed record AgentSettings
{
    public required string Site { get; init; }
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The serial to report a lost board under before `hello` ever answered (the MQTT username is the serial).</summary>
    public string? SerialHint { get; init; }

    /// <summary>From --key-file: the board must say this serial, or the agent reports nothing for it.</summary>
    public string? ExpectedSerial { get; init; }

    /// <summary>While messages wait in the spool, try the broker again this often between reports.</summary>
    public TimeSpan RetryEvery { get; init; } = TimeSpan.FromSeconds(30);
}
