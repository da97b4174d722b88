using System;
using System.Linq;

namespace PosSlot.Host.Flashing;

/// <summary>
/// nanoff's exit codes in a technician's words (nanoFirmwareFlasher's ExitCodes: E1000..E9015, 0 is success).
/// On Linux and macOS a process exit status keeps only its low 8 bits, so E6002 arrives as 114: ExplainExit
/// maps such a value back to the one nanoff code it can come from.
/// </summary>
public static class NanoffExitCodes
{
    /// <summary>The codes nanoff defines (nanoFirmwareFlasher ExitCodes.cs); no two share their low 8 bits.</summary>
    public static readonly int[] Known =
    [
        1000, 1002, 1003, 1004, 1005, 1006,
        2000, 2001, 2002, 2003,
        3000, 3001, 3002, 3003, 3004, 3005, 3006,
        4000, 4001, 4002, 4003, 4004, 4005,
        5000, 5001, 5002, 5003, 5004, 5005, 5006, 5007, 5008, 5009, 5010, 5022, 5030, 5031, 5040, 5041,
        6000, 6001, 6002,
        7000,
        8000, 8001, 8002, 8003,
        9000, 9002, 9003, 9004, 9005, 9006, 9007, 9008, 9009, 9010, 9011, 9012, 9013, 9014, 9015,
    ];

    /// <summary>
    /// What a nanoff process's exit status means: the status itself when it is a nanoff code (Windows keeps all
    /// 32 bits), else the nanoff code whose low 8 bits it is (Linux, macOS), said so.
    /// </summary>
    public static string ExplainExit(int status)
    {
        if (status is > 0 and < 256)
        {
            var match = Known.Where(c => (c & 0xFF) == status).ToArray();
            if (match.Length == 1)
            {
                return $"{Explain(match[0])} (exit status {status}: E{match[0]} cut to 8 bits by the system)";
            }
        }
        return Explain(status);
    }

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
