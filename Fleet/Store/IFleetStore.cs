using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PosSlot.Fleet.Store;

/// <summary>
/// The fleet store: each board's current state (newest wins, whatever order messages arrive in), its state history
/// (the trend), its milestones (each once) and the drop counters. Every write is idempotent: a redelivered or
/// replayed message changes nothing. Two engines behind it: SQLite (embedded default) and PostgreSQL.
/// </summary>
public interface IFleetStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Engine { get; }

    /// <summary>Writes a batch in one transaction; on an exception nothing of it is stored (retry the batch).</summary>
    Task<IReadOnlyList<StoreOutcome>> WriteAsync(IReadOnlyList<StoreItem> batch, CancellationToken cancel = default);

    /// <summary>Every board's current state (one site's when given), ordered by serial.</summary>
    Task<IReadOnlyList<BoardRow>> ReadBoardsAsync(string? site = null, CancellationToken cancel = default);

    /// <summary>Each board's newest history point at or before a time (the dispatch list as it was then).</summary>
    Task<IReadOnlyList<HistoryPoint>> ReadBoardsAsOfAsync(long asOfMs, string? site = null, CancellationToken cancel = default);

    /// <summary>One board's trend, oldest first, optionally within [fromMs, toMs].</summary>
    Task<IReadOnlyList<HistoryPoint>> ReadHistoryAsync(string serial, long? fromMs = null, long? toMs = null, CancellationToken cancel = default);

    /// <summary>One board's milestones by id (all boards' when serial is null).</summary>
    Task<IReadOnlyList<MilestoneRow>> ReadMilestonesAsync(string? serial, CancellationToken cancel = default);

    /// <summary>One board's routine-event counts as of its newest events message.</summary>
    Task<IReadOnlyList<RoutineRow>> ReadRoutineAsync(string serial, CancellationToken cancel = default);

    /// <summary>Messages dropped so far, by reason.</summary>
    Task<IReadOnlyDictionary<string, long>> ReadDropsAsync(CancellationToken cancel = default);
}
