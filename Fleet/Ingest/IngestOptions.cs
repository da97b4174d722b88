using System;
using System.Collections.Generic;
using System.IO;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Ingest;

/// <summary>How an ingester connects and batches. The password is held here only, never printed.</summary>
public sealed record IngestOptions
{
    public const string ShareGroup = "posslot-ingest";

    /// <summary>The shared subscription: every ingester in the group gets its share of every board's messages.</summary>
    public const string Subscription = "$share/" + ShareGroup + "/posslot/v1/+/+/+";

    public required BrokerUrl Broker { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary>
    /// The MQTT client id. It names the persistent session: an ingester restarted with the same id gets the
    /// messages it had received but not acknowledged, and those queued while it was away.
    /// </summary>
    public required string ClientId { get; init; }

    /// <summary>End after this long without a message (null: run until cancelled).</summary>
    public TimeSpan? IdleExit { get; init; }

    /// <summary>Messages written per transaction at most.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Unacknowledged messages the broker may have in flight to this ingester (MQTT 5 receive maximum).</summary>
    public ushort ReceiveMaximum { get; init; } = 1000;

    /// <summary>How long the broker keeps the session (and queues for it) while the ingester is away.</summary>
    public TimeSpan SessionExpiry { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Remove the session at the broker when the run ends with everything stored: for an ingester that will not
    /// come back. Otherwise the broker keeps the session for <see cref="SessionExpiry"/> and goes on dealing it a
    /// share of the fleet's messages, which then wait for it instead of reaching the ingesters that are running.
    /// </summary>
    public bool EndSession { get; init; }

    /// <summary>The longest wait between retries when the database or the broker is unavailable.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Progress and trouble, one line each (never a password).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>Called after each committed batch (benchmarks measure latency here).</summary>
    public Action<IReadOnlyList<StoreItem>, IReadOnlyList<StoreOutcome>>? Committed { get; init; }
}
