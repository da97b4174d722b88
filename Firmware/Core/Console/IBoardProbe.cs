namespace PosSlot.Firmware.Console
{
    /// <summary>What `selftest` asks the board: raw pin levels and whether the capture path works.</summary>
    public interface IBoardProbe
    {
        /// <summary>The line's logical level read from the pin now (1 active), or -1 when the board has no such line.</summary>
        int RawLevel(int line);

        /// <summary>"rmt", "gpio-events" or "emulated".</summary>
        string CapturePath { get; }

        /// <summary>Whether capture runs (no overflow, counts agree); `detail` says what was checked.</summary>
        bool CaptureHealthy(out string detail);
    }
}
