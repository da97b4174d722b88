using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PosSlot.Host.Boards;

/// <summary>
/// The checks a board file must pass before anything is flashed with it: the schema's ranges, and
/// the pin rules per MCU (McuPins). Returns every problem, one line each; none means usable.
/// </summary>
public static partial class BoardRules
{
    public static IReadOnlyList<string> Check(BoardFile b)
    {
        var problems = new List<string>();
        void Need(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
        Need(NamePattern().IsMatch(b.Name), $"name '{b.Name}' must be lower-case letters, digits and dashes");
        var mcu = McuPins.For(b.Mcu);
        if (mcu == null)
        {
            problems.Add($"mcu '{b.Mcu}' must be esp32 or esp32-s3");
            return problems;
        }
        Need(b.FlashMb is 4 or 8 or 16, $"flash_mb {b.FlashMb} must be 4, 8 or 16");
        Need(b.RatedCycles is >= 1000 and <= 10_000_000, $"rated_cycles {b.RatedCycles} must be 1000..10000000");
        bool s3Target = b.NanoffTarget.StartsWith("ESP32_S3", StringComparison.Ordinal);
        Need(b.NanoffTarget.StartsWith(mcu.TargetPrefix, StringComparison.Ordinal) && (mcu == McuPins.Esp32S3 || (!s3Target && !b.NanoffTarget.StartsWith("ESP32_C", StringComparison.Ordinal) && !b.NanoffTarget.StartsWith("ESP32_S2", StringComparison.Ordinal))),
            $"nanoff_target {b.NanoffTarget} is not a firmware for the {b.Mcu}");
        Need(mcu.DeployAddresses.Contains(b.DeployAddress, StringComparer.OrdinalIgnoreCase),
            $"deploy_address {b.DeployAddress}: the {b.Mcu} deployment partition is at {string.Join(" or ", mcu.DeployAddresses)} (nanoff's default does not fit a classic ESP32)");

        var used = new Dictionary<int, string>();
        foreach (var (role, gpio) in b.AllPins())
        {
            if (used.TryGetValue(gpio, out var other))
            {
                problems.Add($"GPIO {gpio} is used twice: {other} and {role}");
                continue;
            }
            used[gpio] = role;
            if (!mcu.Existing.Contains(gpio))
            {
                problems.Add($"{role}: the {b.Mcu} has no GPIO {gpio}");
                continue;
            }
            Need(!mcu.Flash.Contains(gpio), $"{role}: GPIO {gpio} belongs to the SPI flash");
            Need(!(b.Psram && mcu.PsramExtra.Contains(gpio)), $"{role}: GPIO {gpio} belongs to the PSRAM on this module");
            Need(!mcu.Uart0.Contains(gpio), $"{role}: GPIO {gpio} is UART0, the debugger's and the flasher's");
            Need(!mcu.Usb.Contains(gpio), $"{role}: GPIO {gpio} is the USB port");
        }
        CheckInput("detect", b.Pins.Detect, mcu, problems);
        CheckInput("contact", b.Pins.Contact, mcu, problems);
        if (b.Pins.ReaderFault is { } fault)
        {
            CheckInput("reader_fault", fault, mcu, problems);
        }
        CheckOutput("fallback_enable", b.Pins.FallbackEnable, mcu, problems);
        if (b.Pins.Led is { } led)
        {
            CheckOutput("led", led, mcu, problems);
        }
        Need(!mcu.InputOnly.Contains(b.Pins.ConsoleTx.Gpio), $"console_tx: GPIO {b.Pins.ConsoleTx.Gpio} is input-only");

        var rmt = b.RmtRxChannels;
        Need(rmt.Detect != rmt.Contact, $"rmt_rx_channels: detect and contact share channel {rmt.Detect}");
        foreach (var (line, channel) in new[] { ("detect", rmt.Detect), ("contact", rmt.Contact) })
        {
            Need(mcu.RmtRx.Contains(channel), $"rmt_rx_channels.{line}: the {b.Mcu} receives on RMT channels {mcu.RmtRx.First()}..{mcu.RmtRx.Last()}, not {channel}");
        }
        return problems;
    }

    static void CheckInput(string role, InputPin pin, McuPins mcu, List<string> problems)
    {
        if (pin.Active is not ("low" or "high"))
        {
            problems.Add($"{role}.active '{pin.Active}' must be low or high");
        }
        if (pin.Pull is not ("up" or "down" or "external"))
        {
            problems.Add($"{role}.pull '{pin.Pull}' must be up, down or external");
        }
        if (mcu.Strapping.Contains(pin.Gpio))
        {
            problems.Add($"{role}: GPIO {pin.Gpio} is a strapping pin: a card held in at reset would change how the chip boots");
        }
        if (mcu.InputOnly.Contains(pin.Gpio) && pin.Pull != "external")
        {
            problems.Add($"{role}: GPIO {pin.Gpio} is input-only with no internal pull: fit one on the board and say pull external");
        }
    }

    static void CheckOutput(string role, OutputPin pin, McuPins mcu, List<string> problems)
    {
        if (pin.Active is not ("low" or "high"))
        {
            problems.Add($"{role}.active '{pin.Active}' must be low or high");
        }
        if (mcu.InputOnly.Contains(pin.Gpio))
        {
            problems.Add($"{role}: GPIO {pin.Gpio} is input-only and cannot drive an output");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}
