using System.Linq;

namespace PosSlot.Host.Boards;

/// <summary>
/// What each MCU's pins can be used for (ESP-IDF GPIO docs; ../shared/NANOFRAMEWORK-NOTES.md):
/// which exist, which the flash and PSRAM take, the strapping pins read at reset, the input-only
/// pins (no internal pulls), UART0 (the debugger), USB, and the RMT receive channels.
/// </summary>
public sealed record McuPins(
    string Mcu,
    int[] Existing,
    int[] Flash,
    int[] PsramExtra,
    int[] Strapping,
    int[] InputOnly,
    int[] Uart0,
    int[] Usb,
    int[] RmtRx,
    string[] DeployAddresses,
    string TargetPrefix)
{
    static int[] Range(int from, int to) => Enumerable.Range(from, to - from + 1).ToArray();

    public static readonly McuPins Esp32 = new(
        "esp32",
        Existing: [.. Range(0, 19), .. Range(21, 23), .. Range(25, 27), .. Range(32, 39)],
        Flash: Range(6, 11),
        PsramExtra: [16, 17],
        Strapping: [0, 2, 5, 12, 15],
        InputOnly: Range(34, 39),
        Uart0: [1, 3],
        Usb: [],
        RmtRx: Range(0, 7),
        // 0x1E0000 on current firmware; 0x1C0000 on images from before 2025-09.
        DeployAddresses: ["0x1E0000", "0x1C0000"],
        TargetPrefix: "ESP32_");

    public static readonly McuPins Esp32S3 = new(
        "esp32-s3",
        Existing: [.. Range(0, 21), .. Range(26, 48)],
        Flash: Range(26, 32),
        // Octal flash/PSRAM modules (the N8R8 DevKitC-1) also take 33-37.
        PsramExtra: Range(33, 37),
        Strapping: [0, 3, 45, 46],
        InputOnly: [],
        Uart0: [43, 44],
        Usb: [19, 20],
        RmtRx: Range(4, 7),
        DeployAddresses: ["0x1B0000"],
        TargetPrefix: "ESP32_S3");

    public static McuPins? For(string mcu) => mcu switch
    {
        "esp32" => Esp32,
        "esp32-s3" => Esp32S3,
        _ => null,
    };
}
