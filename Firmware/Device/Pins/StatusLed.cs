using System.Device.Gpio;
using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Device.Pins
{
    /// <summary>The optional status LED: off healthy, slow blink Watch/Degraded, on while the external reader is in use.</summary>
    public sealed class StatusLed
    {
        readonly GpioPin _pin;
        readonly bool _activeLow;

        public StatusLed(GpioController gpio, int pin, bool activeLow)
        {
            _activeLow = activeLow;
            _pin = gpio.OpenPin(pin, PinMode.Output);
            Show(false);
        }

        public void Update(int healthState, bool fallbackEngaged, long nowUs)
        {
            bool blinkOn = (nowUs / 500000) % 2 == 0;
            Show(fallbackEngaged || (healthState != HealthState.Healthy && blinkOn));
        }

        void Show(bool on)
        {
            _pin.Write(on != _activeLow ? PinValue.High : PinValue.Low);
        }
    }
}
