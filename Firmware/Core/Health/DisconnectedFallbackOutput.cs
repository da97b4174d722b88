namespace PosSlot.Firmware.Health
{
    /// <summary>A fallback output wired to nothing: for a firmware instance that only checks stored state.</summary>
    public sealed class DisconnectedFallbackOutput : IFallbackOutput
    {
        public void SetFallbackEnabled(bool enabled)
        {
        }
    }
}
