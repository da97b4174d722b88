using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PosSlot.Firmware.Console;
using Spectre.Console;

namespace PosSlot.DiagClient;

/// <summary>One `posslot diag` run: the link, the key file for authenticated commands, and how results are printed.</summary>
public sealed class DiagSession(DiagLink link, string? keyFile, bool json, TextWriter output)
{
    public DiagLink Link { get; } = link;
    public bool Json { get; } = json;
    public TextWriter Output { get; } = output;

    /// <summary>Runs a command; a refusal becomes a CliFailure carrying the board's code and message.</summary>
    public DiagReply Run(string command)
    {
        var reply = Link.Request(command);
        if (!reply.Ok)
        {
            throw new CliFailure(ExitCodes.DeviceRefused, $"the board refused '{command}': error {reply.ErrorCode} ({ErrorCode.Name(reply.ErrorCode)}): {reply.ErrorMessage}");
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
            throw new CliFailure(ExitCodes.DeviceRefused, $"the key file is for serial {key.Serial}, the board is {serial}: use that board's key");
        }
        var nonce = Hex.Parse(challenge.Text("nonce")) ?? throw new CliFailure(ExitCodes.DeviceGarbage, "the board's challenge is not hex");
        Run("auth respond " + Hex.Of(DeviceKey.Response(key.Key, nonce, key.Serial)));
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
