using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PosSlot.DiagClient;
using PosSlot.Fleet.Messages;

namespace PosSlot.Fleet.Agent;

/// <summary>
/// Reads the board with read-only console commands (hello, status, counters, wear, advice en/zh,
/// events --since pages) and turns the replies into message parts. Unknown (-1) values become null;
/// words the agent does not know are ignored (docs/console.md allows boards to add them).
/// </summary>
public static class BoardReader
{
    /// <summary>The most milestones read in one cycle (the events schema allows 256 a message).</summary>
    public const int MaxMilestonesPerCycle = 128;
    const int PageSize = 32;
    const int MaxDetail = 512;

    /// <summary>Reads everything; milestones after the id sinceIdFor gives for the board's serial, unless readEvents is false. Throws CliFailure when the board does not answer.</summary>
    public static BoardSnapshot Read(IBoardConsole board, Func<string, long> sinceIdFor, bool readEvents)
    {
        var hello = Ok(board, "hello");
        long sinceId = sinceIdFor(Text(hello.Data, "serial"));
        var status = Ok(board, "status");
        var counters = Ok(board, "counters");
        var wear = Ok(board, "wear");
        var en = Ok(board, "advice en");
        var zh = Ok(board, "advice zh");

        var milestones = new List<Milestone>();
        IReadOnlyList<RoutineCount> routine = [];
        long boardDropped = 0;
        if (readEvents)
        {
            long since = sinceId;
            while (milestones.Count < MaxMilestonesPerCycle)
            {
                int limit = Math.Min(PageSize, MaxMilestonesPerCycle - milestones.Count);
                var page = Ok(board, $"events --since {since} --limit {limit}");
                boardDropped = Long(page.Data, "dropped") ?? 0;
                if (page.Data.TryGetProperty("routine", out var r) && r.ValueKind == JsonValueKind.Array)
                {
                    routine = r.EnumerateArray().Select(Routine).ToList();
                }
                var items = page.Data.TryGetProperty("events", out var ev) && ev.ValueKind == JsonValueKind.Array ? ev.EnumerateArray().Select(Event).ToList() : [];
                // Ids only grow: anything at or below `since` is a board bug, never sent twice.
                items = items.Where(m => m.Id > since).ToList();
                milestones.AddRange(items);
                bool more = page.Data.TryGetProperty("more", out var m) && m.ValueKind == JsonValueKind.True;
                if (items.Count == 0 || !more)
                {
                    break;
                }
                since = items[^1].Id;
            }
        }

        var d = wear.Data;
        double? mid = Positive(Long(d, "failed_in_days_days") ?? Long(d, "failed_in_days"));
        return new BoardSnapshot
        {
            Serial = Text(hello.Data, "serial"),
            Board = new BoardInfo(Text(hello.Data, "model"), Text(hello.Data, "board"), Text(hello.Data, "firmware"),
                Long(hello.Data, "uptime_s") ?? 0, Long(hello.Data, "clock_s") ?? 0, Long(hello.Data, "boots") ?? 0),
            Health = Text(status.Data, "health"),
            Fault = Text(status.Data, "fault"),
            Fallback = new FallbackInfo(Text(status.Data, "fallback") == "engaged", Text(status.Data, "fallback_mode") is { Length: > 0 } mode ? mode : "auto"),
            Advice = new AdviceInfo(Advice(en.Data), Advice(zh.Data)),
            Counters = new CounterInfo
            {
                InsertionsBoard = Long(counters.Data, "insertions_board") ?? 0,
                InsertionsSlot = Long(counters.Data, "insertions_slot") ?? 0,
                RatedLife = Long(counters.Data, "rated_life") ?? 0,
                Replacements = Long(counters.Data, "replacements") ?? 0,
                Removals = Long(counters.Data, "removals") ?? 0,
                Boots = Long(counters.Data, "boots") ?? 0,
                StoreLosses = Long(counters.Data, "store_losses") ?? 0,
                CountsExact = counters.Data.TryGetProperty("counts_exact", out var ce) && ce.ValueKind == JsonValueKind.True,
                PaymentsRetried = Positive(Long(counters.Data, "payments_retried")) is { } pr ? (long)pr : null,
            },
            Wear = new WearInfo
            {
                Trend = d.TryGetProperty("trend", out var t) && t.ValueKind == JsonValueKind.True,
                // The forecast's own estimate (named forecast_life_used_pct since the console's issue 19 work).
                LifeUsedPct = Math.Max(0, Number(d, "forecast_life_used_pct") ?? Number(d, "life_used_pct") ?? 0),
                BounceMeanUs = Number(d, "bounce_mean_us") ?? 0,
                SeatDelayMeanUs = Number(d, "seat_delay_mean_us") ?? 0,
                DegradedInInsertions = Positive(Long(d, "degraded_in_insertions")) is { } di ? (long)di : null,
                FailedInInsertions = Positive(Long(d, "failed_in_insertions")) is { } fi ? (long)fi : null,
                FailedInDays = mid is { } days
                    ? new DaysRange(Positive(Number(d, "failed_in_days_low_days") ?? Number(d, "failed_in_days_low")), days,
                        Positive(Number(d, "failed_in_days_high_days") ?? Number(d, "failed_in_days_high")))
                    : null,
                Faults = d.TryGetProperty("faults", out var f) && f.ValueKind == JsonValueKind.Array
                    ? f.EnumerateArray().Select(x => new FaultLevel(Text(x, "fault"), Text(x, "level"), Text(x, "reason"), x.TryGetProperty("probation", out var p) && p.ValueKind == JsonValueKind.True)).ToList()
                    : [],
            },
            Milestones = milestones,
            Routine = routine,
            BoardDropped = boardDropped,
            EventsSkipped = !readEvents,
        };
    }

    static DiagReply Ok(IBoardConsole board, string command)
    {
        var reply = board.Request(command);
        if (!reply.Ok)
        {
            throw new CliFailure(ExitCodes.DeviceRefused, $"the board refused '{command}': error {reply.ErrorCode}: {reply.ErrorMessage}");
        }
        return reply;
    }

    static IReadOnlyList<AdviceItem> Advice(JsonElement data) =>
        data.TryGetProperty("advice", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => new AdviceItem(Text(x, "fault"), Text(x, "level"), Text(x, "text"))).ToList()
            : [];

    static Milestone Event(JsonElement e)
    {
        string detail = Text(e, "detail");
        return new Milestone(Long(e, "id") ?? 0, Math.Max(0, Long(e, "t_ms") ?? 0), Text(e, "event"), Math.Max(0, Long(e, "insertion") ?? 0),
            detail.Length > MaxDetail ? detail[..MaxDetail] : detail);
    }

    static RoutineCount Routine(JsonElement e) => new()
    {
        Event = Text(e, "event"),
        Count = Math.Max(0, Long(e, "count") ?? 0),
        LastTMs = Long(e, "last_t_ms") is { } t && t >= 0 ? t : null,
        LastInsertion = Long(e, "last_insertion") is { } i && i >= 0 ? i : null,
    };

    static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText()) : "";

    static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? (v.TryGetInt64(out long l) ? l : (long)v.GetDouble()) : null;

    static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : e.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.String && double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;

    static double? Positive(double? v) => v is { } x && x >= 0 ? x : null;
}
