namespace PosSlot.Fleet.Agent;

/// <summary>One message waiting in the spool, in the order it must be sent.</summary>
/// <param name="Seq">Its place in the spool (sending order).</param>
/// <param name="LastMilestoneId">The newest milestone id it carries, 0 for a state or a routine-only batch.</param>
public sealed record SpooledMessage(long Seq, string Kind, string Topic, byte[] Payload, bool Retain, long LastMilestoneId)
{
    public bool CarriesMilestones => LastMilestoneId > 0;
}
