namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// Where authentication challenges come from: the board's hardware-seeded source on the device,
    /// a seeded generator in tests. A nonce must never repeat, or a recorded response could be replayed.
    /// </summary>
    public interface INonceSource
    {
        void Fill(byte[] nonce);
    }
}
