namespace PosSlot.Firmware.Console
{
    /// <summary>The console's output: COM2 on the board, a pseudo-terminal in the emulator, a buffer in tests.</summary>
    public interface IConsolePort
    {
        /// <summary>Writes text as UTF-8. Must not block for long: the board drops output it cannot send.</summary>
        void Write(string text);
    }
}
