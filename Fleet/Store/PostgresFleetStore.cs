using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace PosSlot.Fleet.Store;

/// <summary>PostgreSQL through Npgsql: for many ingesters on one fleet (each its own connection pool).</summary>
public sealed class PostgresFleetStore : SqlFleetStore
{
    private readonly NpgsqlDataSource source;

    private PostgresFleetStore(string connectionString)
    {
        source = NpgsqlDataSource.Create(connectionString);
    }

    public override string Engine => "postgres";

    protected override string IntType => "BIGINT";

    protected override string RealType => "DOUBLE PRECISION";

    public static async Task<PostgresFleetStore> OpenAsync(string connectionString, CancellationToken cancel = default)
    {
        var store = new PostgresFleetStore(connectionString);
        try
        {
            await store.MigrateAsync(cancel);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancel) => await source.OpenConnectionAsync(cancel);

    // Two ingesters opening an empty database at once: the second waits, then finds the tables made.
    protected override async Task LockForMigrationAsync(DbConnection c, DbTransaction t, CancellationToken cancel)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = "SELECT pg_advisory_xact_lock(7316020)";
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    public override async ValueTask DisposeAsync()
    {
        await source.DisposeAsync();
        await base.DisposeAsync();
    }
}
