using System.Device.Gpio;

namespace PosSlot.Firmware.Device.Pins
{
    /// <summary>A slot input (detect, contact, reader fault) with the board's pull and active level, read as a logical level (1 active).</summary>
    public sealed class SlotInputPin
    {
        readonly GpioPin _pin;
        readonly bool _activeLow;

        public SlotInputPin(GpioController gpio, int pin, int pull, bool activeLow)
        {
            _activeLow = activeLow;
            PinMode mode = pull == Boards.BoardConfig.PullUp ? PinMode.InputPullUp
                : (pull == Boards.BoardConfig.PullDown ? PinMode.InputPullDown : PinMode.Input);
            _pin = gpio.OpenPin(pin, mode);
        }

        public GpioPin Pin { get { return _pin; } }

        /// <summary>The pin's level now (0 or 1, as on the wire).</summary>
        public int PinLevel { get { return _pin.Read() == PinValue.High ? 1 : 0; } }

        /// <summary>The logical level now: 1 when the switch is active.</summary>
        public int Level { get { return PinLevel == (_activeLow ? 0 : 1) ? 1 : 0; } }
    }
}
