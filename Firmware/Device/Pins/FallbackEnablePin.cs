using System.Device.Gpio;
using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Device.Pins
{
    /// <summary>The FallbackEnable line to the external reader, at the board's active level; driven inactive at start-up.</summary>
    public sealed class FallbackEnablePin : IFallbackOutput
    {
        readonly GpioPin _pin;
        readonly bool _activeHigh;

        public FallbackEnablePin(GpioController gpio, int pin, bool activeHigh)
        {
            _activeHigh = activeHigh;
            _pin = gpio.OpenPin(pin, PinMode.Output);
            SetFallbackEnabled(false);
        }

        public void SetFallbackEnabled(bool enabled)
        {
            _pin.Write(enabled == _activeHigh ? PinValue.High : PinValue.Low);
        }
    }
}
