namespace PosSlot.Host.Flashing;

/// <summary>nanoff's exit codes in a technician's words (nanoFirmwareFlasher: ExitCodes.cs; 0 is success).</summary>
public static class NanoffExitCodes
{
    public static string Explain(int code) => code switch
    {
        0 => "done",
        6002 => "E6002: the serial port is in use: close the terminal or tool holding it (picocom, PuTTY, another nanoff) and try again",
        9008 => "E9008: nanoff cannot find the image file",
        9009 => "E9009: no deployment address: the board file must carry deploy_address",
        >= 2000 and < 3000 => $"E{code}: the device did not answer as a nanoFramework device: check the port, the cable, and that the firmware is on it (--update-firmware)",
        >= 4000 and < 5000 => $"E{code}: the ESP32 flash step failed: check the port and cable; on boards without auto-reset hold BOOT while it connects",
        >= 6000 and < 7000 => $"E{code}: the serial port could not be used: check the name (nanoff --listports) and your permissions",
        >= 9000 and < 10000 => $"E{code}: nanoff refused its arguments or a file (run with --dry-run to see the command)",
        _ => $"nanoff exited with {code}",
    };
}
