using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace PosSlot.Fleet.Store;

/// <summary>
/// The store over ADO.NET, the same SQL for both engines (ON CONFLICT upserts, @name parameters). Idempotence is in
/// the keys: history (serial, agent_time_ms), milestones (serial, id), routine counts and the current state are only
/// replaced by a strictly newer agent time, so redelivery, replay and out-of-order delivery converge.
/// </summary>
public abstract class SqlFleetStore : IFleetStore
{
    public abstract string Engine { get; }

    /// <summary>The engine's 64-bit integer and double column types for the migrations.</summary>
    protected abstract string IntType { get; }

    protected abstract string RealType { get; }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancel);

    /// <summary>Serialises concurrent openers (two ingesters starting at once) inside the migration transaction.</summary>
    protected abstract Task LockForMigrationAsync(DbConnection c, DbTransaction t, CancellationToken cancel);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Creates the tables or migrates them to <see cref="FleetSchema.Version"/>; refuses a newer store.</summary>
    protected async Task MigrateAsync(CancellationToken cancel)
    {
        await using var c = await OpenAsync(cancel);
        await using var t = await c.BeginTransactionAsync(cancel);
        await LockForMigrationAsync(c, t, cancel);
        await ExecAsync(c, t, "CREATE TABLE IF NOT EXISTS store_version (version INTEGER NOT NULL)", cancel);
        var found = await ScalarAsync(c, t, "SELECT MAX(version) FROM store_version", cancel);
        var version = found is null or DBNull ? 0 : Convert.ToInt32(found);
        if (version > FleetSchema.Version)
        {
            throw new FleetStoreException($"the store is at schema version {version}, newer than this posslot's {FleetSchema.Version}; upgrade posslot");
        }
        for (var v = version; v < FleetSchema.Version; v++)
        {
            foreach (var ddl in FleetSchema.Migrations[v])
            {
                await ExecAsync(c, t, ddl.Replace("{int}", IntType).Replace("{real}", RealType), cancel);
            }
        }
        if (version < FleetSchema.Version)
        {
            await ExecAsync(c, t, "DELETE FROM store_version", cancel);
            await ExecAsync(c, t, $"INSERT INTO store_version (version) VALUES ({FleetSchema.Version})", cancel);
        }
        await t.CommitAsync(cancel);
    }

    public async Task<IReadOnlyList<StoreOutcome>> WriteAsync(IReadOnlyList<StoreItem> batch, CancellationToken cancel = default)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        await using var c = await OpenAsync(cancel);
        await using var t = await c.BeginTransactionAsync(cancel);
        var written = await new BatchWriter(c, t).WriteAsync(batch, cancel);
        await t.CommitAsync(cancel);
        return written;
    }

    public Task<IReadOnlyList<BoardRow>> ReadBoardsAsync(string? site = null, CancellationToken cancel = default) =>
        QueryAsync(
            "SELECT serial, site, agent_time_ms, status, board_time_ms, interval_s, health, fault, fallback_engaged, advice_en, advice_zh, "
            + "insertions, life_used_pct, forecast_low_days, forecast_mid_days, forecast_high_days, payments_retried, last_event_id, state_json "
            + "FROM board_current WHERE (@site IS NULL OR site = @site) ORDER BY serial",
            [("@site", site)],
            r => new BoardRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), Long(r, 4), (int?)Long(r, 5), Text(r, 6), Text(r, 7),
                Bool(r, 8), Text(r, 9), Text(r, 10), Long(r, 11), Real(r, 12), Real(r, 13), Real(r, 14), Real(r, 15), Long(r, 16), Long(r, 17), r.GetString(18)),
            cancel);

    private const string HistoryColumns =
        "h.serial, h.site, h.agent_time_ms, h.board_time_ms, h.status, h.health, h.fault, h.fallback_engaged, h.insertions, h.life_used_pct, "
        + "h.bounce_mean_us, h.seat_delay_mean_us, h.forecast_low_days, h.forecast_mid_days, h.forecast_high_days, h.payments_retried";

    private static HistoryPoint ReadPoint(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt64(2), Long(r, 3), r.GetString(4), Text(r, 5), Text(r, 6), Bool(r, 7), Long(r, 8), Real(r, 9),
            Real(r, 10), Real(r, 11), Real(r, 12), Real(r, 13), Real(r, 14), Long(r, 15));

    public Task<IReadOnlyList<HistoryPoint>> ReadBoardsAsOfAsync(long asOfMs, string? site = null, CancellationToken cancel = default) =>
        QueryAsync(
            $"SELECT {HistoryColumns} FROM board_history h JOIN "
            + "(SELECT serial, MAX(agent_time_ms) AS newest FROM board_history WHERE agent_time_ms <= @asof AND health IS NOT NULL GROUP BY serial) n "
            + "ON h.serial = n.serial AND h.agent_time_ms = n.newest WHERE (@site IS NULL OR h.site = @site) ORDER BY h.serial",
            [("@asof", asOfMs), ("@site", site)], ReadPoint, cancel);

    public Task<IReadOnlyList<HistoryPoint>> ReadHistoryAsync(string serial, long? fromMs = null, long? toMs = null, CancellationToken cancel = default) =>
        QueryAsync(
            $"SELECT {HistoryColumns} FROM board_history h WHERE h.serial = @serial "
            + "AND h.agent_time_ms >= @from AND h.agent_time_ms <= @to ORDER BY h.agent_time_ms",
            [("@serial", serial), ("@from", fromMs ?? long.MinValue), ("@to", toMs ?? long.MaxValue)], ReadPoint, cancel);

    public Task<IReadOnlyList<MilestoneRow>> ReadMilestonesAsync(string? serial, CancellationToken cancel = default) =>
        QueryAsync(
            "SELECT serial, site, id, t_ms, event, insertion, detail_json, agent_time_ms FROM milestones "
            + "WHERE (@serial IS NULL OR serial = @serial) ORDER BY serial, id",
            [("@serial", serial)],
            r => new MilestoneRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4), Long(r, 5), Text(r, 6), r.GetInt64(7)),
            cancel);

    public Task<IReadOnlyList<RoutineRow>> ReadRoutineAsync(string serial, CancellationToken cancel = default) =>
        QueryAsync(
            "SELECT serial, event, count, last_t_ms, last_insertion, agent_time_ms FROM routine_counts WHERE serial = @serial ORDER BY event",
            [("@serial", serial)],
            r => new RoutineRow(r.GetString(0), r.GetString(1), r.GetInt64(2), Long(r, 3), Long(r, 4), r.GetInt64(5)),
            cancel);

    public async Task<IReadOnlyDictionary<string, long>> ReadDropsAsync(CancellationToken cancel = default)
    {
        var rows = await QueryAsync("SELECT reason, dropped FROM drops ORDER BY reason", [], r => (r.GetString(0), r.GetInt64(1)), cancel);
        var d = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (reason, n) in rows)
        {
            d[reason] = n;
        }
        return d;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<DbDataReader, T> read, CancellationToken cancel)
    {
        await using var c = await OpenAsync(cancel);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            AddParameter(cmd, name, value, value is long ? System.Data.DbType.Int64 : System.Data.DbType.String);
        }
        var list = new List<T>();
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        while (await r.ReadAsync(cancel))
        {
            list.Add(read(r));
        }
        return list;
    }

    /// <summary>A typed parameter: a null still needs a type for PostgreSQL (IS NULL, a bigint column).</summary>
    internal static void AddParameter(DbCommand cmd, string name, object? value, System.Data.DbType type)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i));

    private static double? Real(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i));

    private static bool? Bool(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i)) != 0;

    private static async Task ExecAsync(DbConnection c, DbTransaction t, string sql, CancellationToken cancel)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    private static async Task<object?> ScalarAsync(DbConnection c, DbTransaction t, string sql, CancellationToken cancel)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(cancel);
    }
}

/// <summary>Thrown when a store cannot be used as it is (too new a schema, a bad location); not a transient failure.</summary>
public sealed class FleetStoreException(string message) : Exception(message);
