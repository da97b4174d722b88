using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace PosSlot.Fleet.Store;

/// <summary>The embedded default: one SQLite file in WAL mode (readers never block the ingester's writes).</summary>
public sealed class SqliteFleetStore : SqlFleetStore
{
    private readonly string connectionString;

    private SqliteFleetStore(string path)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public override string Engine => "sqlite";

    protected override string IntType => "INTEGER";

    protected override string RealType => "REAL";

    public static async Task<SqliteFleetStore> OpenAsync(string path, CancellationToken cancel = default)
    {
        var store = new SqliteFleetStore(path);
        await using (var c = await store.OpenAsync(cancel))
        {
            await using var wal = c.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancel);
        }
        await store.MigrateAsync(cancel);
        return store;
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancel)
    {
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(cancel);
        await using var pragmas = c.CreateCommand();
        // synchronous=FULL: a batch is on disk before the broker is told, so a power cut loses nothing acknowledged
        // (one fsync per batch of up to 500 messages, not per message).
        pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000";
        await pragmas.ExecuteNonQueryAsync(cancel);
        return c;
    }

    // BEGIN already takes SQLite's write lock (Microsoft.Data.Sqlite begins IMMEDIATE), which serialises openers.
    protected override Task LockForMigrationAsync(DbConnection c, DbTransaction t, CancellationToken cancel) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}
