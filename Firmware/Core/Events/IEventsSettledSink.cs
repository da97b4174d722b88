namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// Told when an outermost event and everything it set off have been handled: the moment the
    /// firmware's state is consistent again (the store takes its snapshots there).
    /// </summary>
    public interface IEventsSettledSink
    {
        void OnEventsSettled();
    }
}
