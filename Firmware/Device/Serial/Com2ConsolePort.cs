using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using PosSlot.Firmware.Console;

namespace PosSlot.Firmware.Device.Serial
{
    /// <summary>
    /// The diagnostics console on COM2 (UART1/2; COM1 stays with the debugger). COM2 has no default
    /// pins on ESP32: the board's are set before Open. Writes that would block are dropped, like a
    /// UART with nobody listening: the firmware never waits on a technician's laptop.
    /// </summary>
    public sealed class Com2ConsolePort : IConsolePort
    {
        public const int Baud = 115200;
        readonly SerialPort _port;
        readonly byte[] _in = new byte[256];

        /// <summary>Output dropped because the port could not take it.</summary>
        public long Dropped;

        public Com2ConsolePort(int txPin, int rxPin)
        {
            Configuration.SetPinFunction(txPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(rxPin, DeviceFunction.COM2_RX);
            _port = new SerialPort("COM2", Baud, Parity.None, 8, StopBits.One);
            _port.ReadBufferSize = 1024;
            _port.WriteBufferSize = 2048;
            _port.WriteTimeout = 50;
            _port.ReadTimeout = 0;
            _port.Open();
        }

        public void Write(string text)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            try
            {
                _port.Write(bytes, 0, bytes.Length);
            }
            catch (System.Exception)
            {
                Dropped += bytes.Length;
            }
        }

        /// <summary>Hands what arrived to the console (main loop only).</summary>
        public void Pump(DiagConsole console, long nowUs)
        {
            int available = _port.BytesToRead;
            while (available > 0)
            {
                int n = _port.Read(_in, 0, available < _in.Length ? available : _in.Length);
                if (n <= 0)
                {
                    break;
                }
                console.Receive(_in, 0, n, nowUs);
                available -= n;
            }
        }
    }
}
