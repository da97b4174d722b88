namespace PosSlot.Firmware.Events
{
    /// <summary>Receives every slot event, synchronously, in time order. Must not keep the instance.</summary>
    public interface ISlotEventSink
    {
        void OnSlotEvent(SlotEvent e);
    }
}
