using PosSlot.Firmware.Debounce;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware
{
    /// <summary>Everything the core is tuned by. Board files and the emulator fill it in.</summary>
    public sealed class SlotConfig
    {
        public DebounceSettings Detect = new DebounceSettings();
        public DebounceSettings Contact = new DebounceSettings();
        public DebounceSettings ReaderFault = new DebounceSettings();
        public SlotMonitorSettings Monitor = new SlotMonitorSettings();

        public DebounceSettings ForLine(int line)
        {
            if (line == Lines.SlotLine.Detect)
            {
                return Detect;
            }
            return line == Lines.SlotLine.Contact ? Contact : ReaderFault;
        }
    }
}
