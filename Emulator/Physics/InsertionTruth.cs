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

    /// <summary>The slot, as it is for this card, fails at least 30 % of payments (WearCurve.FailureShare).</summary>
    public bool SlotFailed;
    public bool QuickReinsertNext;
}
