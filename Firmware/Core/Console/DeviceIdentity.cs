namespace PosSlot.Firmware.Console
{
    /// <summary>What `hello` says the board is. The serial comes from the device key file.</summary>
    public sealed class DeviceIdentity
    {
        public const string Protocol = "diag/1";
        public const string Model = "PosSlot";

        public string Board = "unknown";
        public string FirmwareVersion = "0.0.0";
        public string Serial = "unprovisioned";
    }
}
