using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace PosSlot.Fleet.Store;

/// <summary>The statements of one write batch, all in its one transaction.</summary>
internal sealed class BatchWriter(DbConnection connection, DbTransaction transaction)
{
    private const string StateColumns =
        "serial, site, agent_time_ms, board_time_ms, status, interval_s, health, fault, fallback_engaged, advice_en, advice_zh, insertions, "
        + "life_used_pct, forecast_low_days, forecast_mid_days, forecast_high_days, payments_retried, last_event_id, state_json, stored_ms";

    private const string StateValues =
        "@serial, @site, @t, @board_t, @status, @interval, @health, @fault, @fallback, @advice_en, @advice_zh, @insertions, "
        + "@life, @low, @mid, @high, @retried, @last_id, @json, @now";

    private const string InsertHistory =
        "INSERT INTO board_history (serial, agent_time_ms, digest, site, board_time_ms, status, health, fault, fallback_engaged, insertions, life_used_pct, "
        + "bounce_mean_us, seat_delay_mean_us, forecast_low_days, forecast_mid_days, forecast_high_days, payments_retried) VALUES "
        + "(@serial, @t, @digest, @site, @board_t, @status, @health, @fault, @fallback, @insertions, @life, @bounce, @seat, @low, @mid, @high, @retried) "
        + "ON CONFLICT (serial, agent_time_ms, digest) DO NOTHING";

    // The newest state wins by the agent's time (agent_time has whole seconds: of two in the same second, the later
    // received); an older one arriving late leaves the current row alone.
    private const string UpsertFull =
        "INSERT INTO board_current (" + StateColumns + ") VALUES (" + StateValues + ") ON CONFLICT (serial) DO UPDATE SET "
        + "site = excluded.site, agent_time_ms = excluded.agent_time_ms, board_time_ms = excluded.board_time_ms, status = excluded.status, "
        + "interval_s = excluded.interval_s, health = excluded.health, fault = excluded.fault, fallback_engaged = excluded.fallback_engaged, "
        + "advice_en = excluded.advice_en, advice_zh = excluded.advice_zh, insertions = excluded.insertions, life_used_pct = excluded.life_used_pct, "
        + "forecast_low_days = excluded.forecast_low_days, forecast_mid_days = excluded.forecast_mid_days, forecast_high_days = excluded.forecast_high_days, "
        + "payments_retried = excluded.payments_retried, last_event_id = excluded.last_event_id, state_json = excluded.state_json, stored_ms = excluded.stored_ms "
        + "WHERE board_current.agent_time_ms <= excluded.agent_time_ms";

    // A status-only state (offline, board_lost) changes the status and keeps the last known readings. The offline
    // will was composed when the agent connected, so its agent time is older than the states that followed: it
    // applies over an online state whatever its time (the broker sends it after them), never the time backwards.
    private const string UpsertStatus =
        "INSERT INTO board_current (" + StateColumns + ") VALUES (" + StateValues + ") ON CONFLICT (serial) DO UPDATE SET "
        + "site = excluded.site, status = excluded.status, stored_ms = excluded.stored_ms, agent_time_ms = "
        + "CASE WHEN excluded.agent_time_ms > board_current.agent_time_ms THEN excluded.agent_time_ms ELSE board_current.agent_time_ms END "
        + "WHERE board_current.agent_time_ms <= excluded.agent_time_ms OR board_current.status = 'online'";

    private const string InsertMilestone =
        "INSERT INTO milestones (serial, id, site, t_ms, event, insertion, detail_json, agent_time_ms) VALUES "
        + "(@serial, @id, @site, @t_ms, @event, @insertion, @detail, @t) ON CONFLICT (serial, id) DO NOTHING";

    private const string UpsertEvents =
        "INSERT INTO board_events (serial, site, agent_time_ms) VALUES (@serial, @site, @t) ON CONFLICT (serial) DO UPDATE SET "
        + "site = excluded.site, agent_time_ms = excluded.agent_time_ms WHERE board_events.agent_time_ms < excluded.agent_time_ms";

    private const string DeleteRoutine = "DELETE FROM routine_counts WHERE serial = @serial";

    private const string InsertRoutine =
        "INSERT INTO routine_counts (serial, event, count, last_t_ms, last_insertion, agent_time_ms) VALUES "
        + "(@serial, @event, @count, @last_t, @last_insertion, @t) ON CONFLICT (serial, event) DO NOTHING";

    private const string AddDrops =
        "INSERT INTO drops (reason, dropped) VALUES (@reason, @n) ON CONFLICT (reason) DO UPDATE SET dropped = drops.dropped + excluded.dropped";

    private readonly long now = System.DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async Task<StoreOutcome> StateAsync(StateRecord s, CancellationToken cancel)
    {
        await using var history = Command(InsertHistory);
        Bind(history, s);
        if (await history.ExecuteNonQueryAsync(cancel) == 0)
        {
            return StoreOutcome.Duplicate;
        }
        await using var current = Command(s.Health is null ? UpsertStatus : UpsertFull);
        Bind(current, s);
        await current.ExecuteNonQueryAsync(cancel);
        return StoreOutcome.Stored;
    }

    public async Task<StoreOutcome> EventsAsync(EventsRecord e, CancellationToken cancel)
    {
        var stored = false;
        foreach (var m in e.Milestones)
        {
            await using var insert = Command(InsertMilestone);
            Add(insert, "@serial", e.Serial);
            Add(insert, "@id", (long?)m.Id);
            Add(insert, "@site", e.Site);
            Add(insert, "@t_ms", (long?)m.TMs);
            Add(insert, "@event", m.Event);
            Add(insert, "@insertion", m.Insertion);
            Add(insert, "@detail", m.DetailJson);
            Add(insert, "@t", (long?)e.AgentTimeMs);
            stored |= await insert.ExecuteNonQueryAsync(cancel) > 0;
        }
        await using var newest = Command(UpsertEvents);
        Add(newest, "@serial", e.Serial);
        Add(newest, "@site", e.Site);
        Add(newest, "@t", (long?)e.AgentTimeMs);
        if (await newest.ExecuteNonQueryAsync(cancel) > 0)
        {
            // The newest events message so far: its routine counts replace the board's.
            stored = true;
            await using var delete = Command(DeleteRoutine);
            Add(delete, "@serial", e.Serial);
            await delete.ExecuteNonQueryAsync(cancel);
            foreach (var r in e.Routine)
            {
                await using var insert = Command(InsertRoutine);
                Add(insert, "@serial", e.Serial);
                Add(insert, "@event", r.Event);
                Add(insert, "@count", (long?)r.Count);
                Add(insert, "@last_t", r.LastTMs);
                Add(insert, "@last_insertion", r.LastInsertion);
                Add(insert, "@t", (long?)e.AgentTimeMs);
                await insert.ExecuteNonQueryAsync(cancel);
            }
        }
        return stored ? StoreOutcome.Stored : StoreOutcome.Duplicate;
    }

    public async Task DropAsync(string reason, long n, CancellationToken cancel)
    {
        await using var cmd = Command(AddDrops);
        Add(cmd, "@reason", reason);
        Add(cmd, "@n", (long?)n);
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    private void Bind(DbCommand cmd, StateRecord s)
    {
        Add(cmd, "@serial", s.Serial);
        Add(cmd, "@site", s.Site);
        Add(cmd, "@t", (long?)s.AgentTimeMs);
        Add(cmd, "@digest", (long?)s.Digest);
        Add(cmd, "@board_t", s.BoardTimeMs);
        Add(cmd, "@status", s.Status);
        Add(cmd, "@interval", (long?)s.IntervalS);
        Add(cmd, "@health", s.Health);
        Add(cmd, "@fault", s.Fault);
        Add(cmd, "@fallback", s.FallbackEngaged is { } f ? (f ? 1L : 0L) : (long?)null);
        Add(cmd, "@advice_en", s.AdviceEn);
        Add(cmd, "@advice_zh", s.AdviceZh);
        Add(cmd, "@insertions", s.Insertions);
        Add(cmd, "@life", s.LifeUsedPct);
        Add(cmd, "@bounce", s.BounceMeanUs);
        Add(cmd, "@seat", s.SeatDelayMeanUs);
        Add(cmd, "@low", s.ForecastLowDays);
        Add(cmd, "@mid", s.ForecastMidDays);
        Add(cmd, "@high", s.ForecastHighDays);
        Add(cmd, "@retried", s.PaymentsRetried);
        Add(cmd, "@last_id", s.LastEventId);
        Add(cmd, "@json", s.Json);
        Add(cmd, "@now", (long?)now);
    }

    private DbCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }

    // Typed even when null: PostgreSQL will not put a text-typed null into a bigint column.
    private static void Add(DbCommand cmd, string name, string? value) => SqlFleetStore.AddParameter(cmd, name, value, System.Data.DbType.String);

    private static void Add(DbCommand cmd, string name, long? value) => SqlFleetStore.AddParameter(cmd, name, value, System.Data.DbType.Int64);

    private static void Add(DbCommand cmd, string name, double? value) => SqlFleetStore.AddParameter(cmd, name, value, System.Data.DbType.Double);
}
