using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PosSlot.Firmware.Console;
using Spectre.Console;

namespace PosSlot.DiagClient;

/// <summary>
/// One `posslot diag` run: the link, the key file for authenticated commands, and how results are
/// printed. Authenticate opens a session and keeps its key; RunAuthorised sends a destructive command
/// tagged with it; EndSession logs out (call it in a finally: it also runs on Ctrl+C).
/// </summary>
public sealed class DiagSession(DiagLink link, string? keyFile, bool json, TextWriter output)
{
    public DiagLink Link { get; } = link;
    public bool Json { get; } = json;
    public TextWriter Output { get; } = output;

    byte[]? _sessionKey;
    ConsoleCancelEventHandler? _onCancel;
    readonly object _linkLock = new();

    /// <summary>Runs a command; a refusal becomes a CliFailure carrying the board's code and message.</summary>
    public DiagReply Run(string command) => Checked(command, null);

    /// <summary>Runs a destructive command in the open session: its frame carries the session's tag (docs/console.md).</summary>
    public DiagReply RunAuthorised(string command)
    {
        var key = _sessionKey ?? throw new InvalidOperationException("no session: Authenticate first");
        return Checked(command, (seq, cmd) => Tag(key, seq, cmd));
    }

    /// <summary>The tag for a frame: the first 16 bytes of HMAC-SHA256(session key, "seq command"), 32 uppercase hex digits.</summary>
    public static string Tag(byte[] sessionKey, int seq, string command)
    {
        var signed = System.Text.Encoding.UTF8.GetBytes(seq.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + command);
        return Hex.Of(DeviceKey.Tag(sessionKey, signed, 0, signed.Length));
    }

    /// <summary>Ends the session on the board (auth logout) if one is open; safe to call twice and from Ctrl+C.</summary>
    public void EndSession()
    {
        lock (_linkLock)
        {
            if (_onCancel != null)
            {
                Console.CancelKeyPress -= _onCancel;
                _onCancel = null;
            }
            if (_sessionKey == null)
            {
                return;
            }
            _sessionKey = null;
            try
            {
                Link.Request("auth logout");
            }
            catch (Exception e) when (e is CliFailure or IOException or TimeoutException or InvalidOperationException)
            {
                // The board is gone or silent: its session ends by itself after 10 idle minutes, and it is useless without our key.
            }
        }
    }

    DiagReply Checked(string command, Func<int, string, string>? tag)
    {
        DiagReply reply;
        lock (_linkLock)
        {
            reply = Link.Request(command, tag);
        }
        if (!reply.Ok)
        {
            // A response is secret material: never printed, not even a wrong one.
            string shown = command.StartsWith("auth respond ", StringComparison.Ordinal) ? "auth respond <response>" : command;
            throw new CliFailure(ExitCodes.DeviceRefused, $"the board refused '{shown}': error {reply.ErrorCode} ({ErrorCode.Name(reply.ErrorCode)}): {reply.ErrorMessage}");
        }
        return reply;
    }

    /// <summary>Opens a session with the challenge-response, from the key file.</summary>
    public void Authenticate()
    {
        if (keyFile == null)
        {
            throw CliFailure.BadInput("this command changes the board: give --key-file with the board's device key (posslot keygen made it)");
        }
        var key = KeyFiles.Load(keyFile, out var why) ?? throw CliFailure.BadInput($"--key-file {keyFile}: {why}");
        var challenge = Run("auth challenge");
        var serial = challenge.Text("serial");
        if (serial != key.Serial)
        {
            // Checked here, before anything is sent that the board would count: the wrong input is ours (exit 2).
            throw CliFailure.BadInput($"--key-file {keyFile}: the key file is for serial {key.Serial}, the board is {serial}: use that board's key");
        }
        var nonce = Hex.Parse(challenge.Text("nonce")) ?? throw new CliFailure(ExitCodes.DeviceGarbage, "the board's challenge is not hex");
        var response = DeviceKey.Response(key.Key, nonce, key.Serial);
        Run("auth respond " + Hex.Of(response));
        _sessionKey = DeviceKey.SessionKey(key.Key, nonce, response);
        // Ctrl+C: log out before the process ends, so the session is not left open on the board.
        _onCancel = (_, _) => EndSession();
        Console.CancelKeyPress += _onCancel;
    }

    /// <summary>Prints a reply's data: the JSON object with --json, aligned "name  value" lines and tables otherwise.</summary>
    public void Print(DiagReply reply)
    {
        if (Json)
        {
            Output.WriteLine(reply.Data.GetRawText());
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Output), Ansi = AnsiSupport.Detect, ColorSystem = ColorSystemSupport.Detect });
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var p in reply.Data.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Array))
        {
            grid.AddRow(Markup.Escape(p.Name), Markup.Escape(Scalar(p.Value)));
        }
        console.Write(grid);
        foreach (var list in reply.Data.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
        {
            var items = list.Value.EnumerateArray().ToList();
            if (items.Count == 0)
            {
                Output.WriteLine($"{list.Name}: none");
                continue;
            }
            var table = new Table { Title = new TableTitle(list.Name) };
            var columns = items[0].EnumerateObject().Select(p => p.Name).ToList();
            foreach (var c in columns)
            {
                table.AddColumn(Markup.Escape(c));
            }
            foreach (var item in items)
            {
                table.AddRow(columns.Select(c => Markup.Escape(item.TryGetProperty(c, out var v) ? Scalar(v) : "")).ToArray());
            }
            console.Write(table);
        }
    }

    public static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null => "n/a",
        _ => v.GetRawText(),
    };
}
