namespace PosSlot.Fleet.Dispatch;

/// <summary>
/// Days until the slot fails, counted from the list's as-of time (low and high may be unknown). ByHost: the
/// host's trend of the board's history, where the board gives no forecast of its own.
/// </summary>
public sealed record FailsInDays(double? Low, double Mid, double? High, bool ByHost = false);

/// <summary>One visit on the list: rank 1 is the most urgent.</summary>
public sealed record DispatchRow(
    int Rank,
    DispatchCandidate Board,
    DispatchReason Reason,
    FailsInDays? FailsIn,
    bool Stale);

/// <summary>Why a board is on the list, most urgent first (the order of the list's groups).</summary>
public enum DispatchReason
{
    /// <summary>The slot failed over: payments go through the external reader.</summary>
    OnExternalReader,

    /// <summary>The slot is Failed but still takes cards.</summary>
    Failed,

    /// <summary>The wear forecast (the board's, or the host's trend where the board has none) reaches Failed within the horizon.</summary>
    ForecastWithinHorizon,

    /// <summary>Degraded, with no forecast inside the horizon.</summary>
    Degraded,
}
