namespace PosSlot.Emulator.Physics;

/// <summary>What really happened in one simulated insertion, for comparing with the firmware.</summary>
public struct InsertionTruth
{
    public long StartUs;
    public long EndUs;

    /// <summary>When the detect line settled going in and coming out; -1 when detect did not work.</summary>
    public long DetectInSettledUs;
    public long DetectOutSettledUs;

    public bool Seated;

    /// <summary>When detect first closed and when the contact's bounce began and ended (-1 when not so): what the firmware's measures mean.</summary>
    public long DetectFirstEdgeUs;
    public long ContactFirstEdgeUs;
    public long ContactSettledUs;

    /// <summary>
    /// The slot's lines saw this card at all: detect closed, or the contact seated. A card pushed
    /// half in under a detect switch that no longer closes touches nothing the slot can sense, so
    /// no firmware could count it; the comparison with the firmware leaves it out.
    /// </summary>
    public bool Sensed;

    /// <summary>The slot, as it is for this card, fails at least 30 % of payments (WearCurve.FailureShare).</summary>
    public bool SlotFailed;
    public bool QuickReinsertNext;

    /// <summary>
    /// This card's payment needed a retry or a per-transaction fallback because of the slot: the
    /// spring did not seat it (not a customer's half-insert), the contact dropped out under it, a
    /// chip read failed or the reader faulted.
    /// </summary>
    public bool PaymentHurt;
}
