using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace PosSlot.Host.Diag;

/// <summary>
/// `posslot diag events`: the board's milestone history (one page, or every page with --all), then
/// the routine events it counted since the newest milestone (docs/console.md, `events`).
/// </summary>
public static class DiagEvents
{
    /// <summary>The most events the board returns per request.</summary>
    public const int MaxLimit = 32;

    public static void Run(DiagSession s, long since, int limit, bool all)
    {
        var events = new List<JsonElement>();
        DiagReply reply;
        while (true)
        {
            reply = s.Run($"events --since {since} --limit {limit}");
            var page = List(reply.Data, "events");
            events.AddRange(page);
            if (!all || !Flag(reply.Data, "more") || page.Count == 0)
            {
                break;
            }
            long last = page[^1].TryGetProperty("id", out var id) && id.TryGetInt64(out var n) ? n : -1;
            if (last <= since)
            {
                throw new CliFailure(ExitCodes.DeviceGarbage, $"the board said more events follow id {since} but returned none after it");
            }
            since = last;
        }
        if (s.Json)
        {
            var data = JsonNode.Parse(reply.Data.GetRawText())!.AsObject();
            data["events"] = new JsonArray(events.Select(e => JsonNode.Parse(e.GetRawText())).ToArray());
            s.Output.WriteLine(data.ToJsonString());
            return;
        }
        Print(s, reply.Data, events, all);
    }

    static void Print(DiagSession s, JsonElement last, List<JsonElement> events, bool all)
    {
        var output = s.Output;
        if (events.Count == 0)
        {
            output.WriteLine("events: none");
        }
        else
        {
            var table = new Table().AddColumn("id").AddColumn("slot clock").AddColumn("insertion").AddColumn("event").AddColumn("detail");
            foreach (var e in events)
            {
                table.AddRow(Markup.Escape(Text(e, "id")), Markup.Escape(Clock(e, "t_ms")), Markup.Escape(Text(e, "insertion")),
                    Markup.Escape(Text(e, "event")), Markup.Escape(Text(e, "detail")));
            }
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
        }
        if (last.TryGetProperty("dropped", out var dropped) && dropped.TryGetInt64(out var lost) && lost > 0)
        {
            output.WriteLine($"{lost} older milestones were lost to the history's capacity");
        }
        if (!all && Flag(last, "more") && events.Count > 0)
        {
            var id = Text(events[^1], "id");
            output.WriteLine($"more after id {id}: posslot diag events --since {id}, or --all");
        }
        if (!last.TryGetProperty("routine", out var routine) || routine.ValueKind != JsonValueKind.Array)
        {
            return; // a board from before the milestone history
        }
        var kinds = routine.EnumerateArray().ToList();
        if (kinds.Count == 0)
        {
            output.WriteLine("since the last milestone: no routine events");
        }
        foreach (var r in kinds)
        {
            output.WriteLine($"since the last milestone: {Text(r, "count")} {Text(r, "event")} (last at insertion {Text(r, "last_insertion")}, slot clock {Clock(r, "last_t_ms")})");
        }
    }

    static List<JsonElement> List(JsonElement data, string name) =>
        data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [];

    static bool Flag(JsonElement data, string name) => data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    static string Text(JsonElement data, string name) => data.TryGetProperty(name, out var v) ? DiagSession.Scalar(v) : "";

    /// <summary>A slot-clock time in milliseconds as h:mm:ss (with days past 24 h).</summary>
    public static string Clock(JsonElement data, string name)
    {
        if (!data.TryGetProperty(name, out var v) || !v.TryGetInt64(out var ms) || ms < 0)
        {
            return "";
        }
        var t = TimeSpan.FromMilliseconds(ms);
        string hms = string.Create(CultureInfo.InvariantCulture, $"{t.Hours}:{t.Minutes:00}:{t.Seconds:00}");
        return t.Days > 0 ? $"{t.Days} d {hms}" : hms;
    }
}
