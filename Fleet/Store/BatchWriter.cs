using System.Collections.Generic;
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

    /// <summary>
    /// Writes the batch in two round trips where the engine can batch statements (PostgreSQL): first what decides
    /// (history, milestones, the newest events message), then what follows from it (current states, routine
    /// counts, drop counters). SQLite runs the same statements one by one in-process.
    /// </summary>
    public async Task<StoreOutcome[]> WriteAsync(IReadOnlyList<StoreItem> batch, CancellationToken cancel)
    {
        var outcomes = new StoreOutcome[batch.Count];
        var first = new List<Statement>();
        // Per item: the index of its history insert (a state), or of its milestone inserts and events upsert.
        var marks = new (int From, int Count)[batch.Count];
        var drops = new SortedDictionary<string, long>(System.StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            switch (batch[i])
            {
                case StateRecord s:
                    marks[i] = (first.Count, 1);
                    first.Add(State(InsertHistory, s));
                    break;
                case EventsRecord e:
                    marks[i] = (first.Count, e.Milestones.Count + 1);
                    foreach (var m in e.Milestones)
                    {
                        first.Add(new Statement(InsertMilestone)
                            .Add("@serial", e.Serial).Add("@id", m.Id).Add("@site", e.Site).Add("@t_ms", m.TMs).Add("@event", m.Event)
                            .Add("@insertion", m.Insertion).Add("@detail", m.DetailJson).Add("@t", e.AgentTimeMs));
                    }
                    first.Add(new Statement(UpsertEvents).Add("@serial", e.Serial).Add("@site", e.Site).Add("@t", e.AgentTimeMs));
                    break;
                case DropRecord d:
                    drops[d.Reason] = drops.GetValueOrDefault(d.Reason) + 1;
                    outcomes[i] = StoreOutcome.Dropped;
                    break;
                default:
                    throw new System.ArgumentException($"unknown store item {batch[i].GetType().Name}");
            }
        }
        var affected = await RunAsync(first, cancel);
        var second = new List<Statement>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (from, count) = marks[i];
            if (batch[i] is StateRecord s)
            {
                // A state already in the history is a redelivery: it changes nothing.
                var isNew = affected[from] > 0;
                outcomes[i] = isNew ? StoreOutcome.Stored : StoreOutcome.Duplicate;
                if (isNew)
                {
                    second.Add(State(s.Health is null ? UpsertStatus : UpsertFull, s));
                }
            }
            else if (batch[i] is EventsRecord e)
            {
                var newMilestone = false;
                for (var k = from; k < from + count - 1; k++)
                {
                    newMilestone |= affected[k] > 0;
                }
                var newest = affected[from + count - 1] > 0;
                outcomes[i] = newMilestone || newest ? StoreOutcome.Stored : StoreOutcome.Duplicate;
                if (newest)
                {
                    // The newest events message so far: its routine counts replace the board's.
                    second.Add(new Statement(DeleteRoutine).Add("@serial", e.Serial));
                    foreach (var r in e.Routine)
                    {
                        second.Add(new Statement(InsertRoutine).Add("@serial", e.Serial).Add("@event", r.Event).Add("@count", r.Count)
                            .Add("@last_t", r.LastTMs).Add("@last_insertion", r.LastInsertion).Add("@t", e.AgentTimeMs));
                    }
                }
            }
        }
        foreach (var (reason, n) in drops)
        {
            second.Add(new Statement(AddDrops).Add("@reason", reason).Add("@n", n));
        }
        await RunAsync(second, cancel);
        return outcomes;
    }

    private Statement State(string sql, StateRecord s) => new Statement(sql)
        .Add("@serial", s.Serial).Add("@site", s.Site).Add("@t", s.AgentTimeMs).Add("@digest", s.Digest).Add("@board_t", s.BoardTimeMs)
        .Add("@status", s.Status).Add("@interval", (long?)s.IntervalS).Add("@health", s.Health).Add("@fault", s.Fault)
        .Add("@fallback", s.FallbackEngaged is { } f ? (f ? 1L : 0L) : null).Add("@advice_en", s.AdviceEn).Add("@advice_zh", s.AdviceZh)
        .Add("@insertions", s.Insertions).Add("@life", s.LifeUsedPct).Add("@bounce", s.BounceMeanUs).Add("@seat", s.SeatDelayMeanUs)
        .Add("@low", s.ForecastLowDays).Add("@mid", s.ForecastMidDays).Add("@high", s.ForecastHighDays).Add("@retried", s.PaymentsRetried)
        .Add("@last_id", s.LastEventId).Add("@json", s.Json).Add("@now", now);

    // One round trip for the lot where the provider batches (Npgsql); rows affected per statement either way.
    private async Task<int[]> RunAsync(List<Statement> statements, CancellationToken cancel)
    {
        var affected = new int[statements.Count];
        if (statements.Count == 0)
        {
            return affected;
        }
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var st in statements)
            {
                var bc = batch.CreateBatchCommand();
                bc.CommandText = st.Sql;
                foreach (var (name, value, type) in st.Parameters)
                {
                    var p = bc.CreateParameter();
                    p.ParameterName = name;
                    p.DbType = type;
                    p.Value = value ?? System.DBNull.Value;
                    bc.Parameters.Add(p);
                }
                batch.BatchCommands.Add(bc);
            }
            await batch.ExecuteNonQueryAsync(cancel);
            for (var i = 0; i < statements.Count; i++)
            {
                affected[i] = batch.BatchCommands[i].RecordsAffected;
            }
            return affected;
        }
        // One command per statement text, so SQLite prepares each once per batch.
        var commands = new Dictionary<string, DbCommand>();
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                if (!commands.TryGetValue(statements[i].Sql, out var cmd))
                {
                    cmd = connection.CreateCommand();
                    cmd.Transaction = transaction;
                    cmd.CommandText = statements[i].Sql;
                    commands[statements[i].Sql] = cmd;
                }
                cmd.Parameters.Clear();
                foreach (var (name, value, type) in statements[i].Parameters)
                {
                    SqlFleetStore.AddParameter(cmd, name, value, type);
                }
                affected[i] = await cmd.ExecuteNonQueryAsync(cancel);
            }
        }
        finally
        {
            foreach (var cmd in commands.Values)
            {
                await cmd.DisposeAsync();
            }
        }
        return affected;
    }

    /// <summary>One statement and its typed parameters (typed even when null: PostgreSQL will not put a text null in a bigint column).</summary>
    private sealed class Statement(string sql)
    {
        public string Sql { get; } = sql;
        public List<(string Name, object? Value, System.Data.DbType Type)> Parameters { get; } = [];

        public Statement Add(string name, string? value)
        {
            Parameters.Add((name, value, System.Data.DbType.String));
            return this;
        }

        public Statement Add(string name, long? value)
        {
            Parameters.Add((name, value, System.Data.DbType.Int64));
            return this;
        }

        public Statement Add(string name, double? value)
        {
            Parameters.Add((name, value, System.Data.DbType.Double));
            return this;
        }
    }
}
