using nanoFramework.Hardware.Esp32;
using PosSlot.Firmware.Console;

namespace PosSlot.Firmware.Device.Security
{
    /// <summary>
    /// Challenge nonces on the board. nanoFramework's unseeded Random is seeded natively; whether that
    /// draws on the ESP32's hardware RNG was not checked here, so a nonce does not rest on it alone:
    /// it is HMAC-SHA256(device key, counter || µs clock || Random bytes), truncated. Without the key it
    /// cannot be predicted, and the counter with the clock keeps it from repeating.
    /// </summary>
    public sealed class HardwareNonces : INonceSource
    {
        readonly System.Random _random = new System.Random();
        readonly byte[] _key;
        readonly byte[] _input = new byte[32];
        long _counter;

        public HardwareNonces(byte[] key)
        {
            _key = key != null ? key : new byte[32];
        }

        public void Fill(byte[] nonce)
        {
            _counter++;
            long t = (long)HighResTimer.GetCurrent();
            for (int i = 0; i < 8; i++)
            {
                _input[i] = (byte)(_counter >> (8 * i));
                _input[8 + i] = (byte)(t >> (8 * i));
            }
            byte[] r = new byte[16];
            _random.NextBytes(r);
            System.Array.Copy(r, 0, _input, 16, 16);
            byte[] mac = System.Security.Cryptography.HMACSHA256.HashData(_key, _input);
            System.Array.Copy(mac, 0, nonce, 0, nonce.Length < mac.Length ? nonce.Length : mac.Length);
        }
    }
}
