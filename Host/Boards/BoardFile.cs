using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using PosSlot.Emulator.Reporting;

namespace PosSlot.Host.Boards;

/// <summary>A slot input: its GPIO, the level that means "closed", and where its pull comes from.</summary>
public sealed record InputPin(int Gpio, string Active, string Pull);

/// <summary>An output: its GPIO and the level that means "on".</summary>
public sealed record OutputPin(int Gpio, string Active);

/// <summary>A console UART pin (COM2 has no default pins on ESP32).</summary>
public sealed record UartPin(int Gpio);

public sealed record BoardPins
{
    public required InputPin Detect { get; init; }
    public required InputPin Contact { get; init; }
    public InputPin? ReaderFault { get; init; }
    public required OutputPin FallbackEnable { get; init; }
    public OutputPin? Led { get; init; }
    public required UartPin ConsoleTx { get; init; }
    public required UartPin ConsoleRx { get; init; }
}

/// <summary>The RMT receive channels that time each slot line in hardware.</summary>
public sealed record RmtChannels(int Detect, int Contact);

/// <summary>
/// A reader board (boards/NAME.json, schema boards/board.schema.json): the MCU, how nanoff flashes
/// it, and its pin map. BoardRules checks what a schema cannot.
/// </summary>
public sealed record BoardFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Mcu { get; init; }
    public required string NanoffTarget { get; init; }
    public required int FlashMb { get; init; }
    public required bool Psram { get; init; }
    public required string DeployAddress { get; init; }
    public required BoardPins Pins { get; init; }
    public required RmtChannels RmtRxChannels { get; init; }
    public required long RatedCycles { get; init; }

    /// <summary>Where it was read from.</summary>
    [JsonIgnore]
    public string Path { get; init; } = "";

    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    /// <summary>Reads a board file; a file that is not one throws BoardException with one line.</summary>
    public static BoardFile Load(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadText(path, "board file", InputFile.BoardMax);
        }
        catch (CliFailure e)
        {
            throw new BoardException(e.Message, e.ExitCode);
        }
        try
        {
            var board = JsonSerializer.Deserialize<BoardFile>(text, Options)
                ?? throw new BoardException($"{ShownPath.Of(path)}: empty board file");
            return board with { Path = path };
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : Quote.Escaped(e.Path.TrimStart('$', '.')) + ": ";
            var what = e.Message.Contains("missing required", System.StringComparison.Ordinal) ? "a required field is missing"
                : e.Message.Contains("could not be mapped", System.StringComparison.Ordinal) ? "unknown field"
                : "wrong type or not valid JSON";
            throw new BoardException($"{ShownPath.Of(path)}:{(e.LineNumber ?? 0) + 1}: {field}{what} (see boards/board.schema.json)");
        }
    }

    /// <summary>Every pin the board uses, with its role.</summary>
    public IEnumerable<(string Role, int Gpio)> AllPins()
    {
        yield return ("detect", Pins.Detect.Gpio);
        yield return ("contact", Pins.Contact.Gpio);
        if (Pins.ReaderFault is { } fault)
        {
            yield return ("reader_fault", fault.Gpio);
        }
        yield return ("fallback_enable", Pins.FallbackEnable.Gpio);
        if (Pins.Led is { } led)
        {
            yield return ("led", led.Gpio);
        }
        yield return ("console_tx", Pins.ConsoleTx.Gpio);
        yield return ("console_rx", Pins.ConsoleRx.Gpio);
    }
}

/// <summary>A board file that cannot be used, in one line.</summary>
public sealed class BoardException(string message, int exitCode = ExitCodes.BadInput) : System.Exception(message)
{
    /// <summary>ExitCodes.BadInput, or IoFailure when the file is there but cannot be read.</summary>
    public int ExitCode { get; } = exitCode;
}
