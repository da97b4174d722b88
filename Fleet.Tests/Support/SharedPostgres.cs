using System;
using System.Threading;

namespace PosSlot.Fleet.Tests.Support;

/// <summary>
/// One PostgreSQL server for the whole test assembly (started on first use, stopped by <see cref="FleetTestAssembly"/>);
/// each test takes its own fresh database on it.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<PostgresServer> Server = new(() => PostgresServer.Start(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databases;

    public static PostgresServer Instance => Server.Value;

    /// <summary>A new empty database; its postgres:// URL.</summary>
    public static string NewDatabase() => Instance.CreateDatabase($"fleet{Interlocked.Increment(ref databases)}");

    public static void StopIfStarted()
    {
        if (Server.IsValueCreated)
        {
            Server.Value.Dispose();
        }
    }
}

/// <summary>The test run's SQLite stores, in one directory removed at the end.</summary>
public static class TestStores
{
    private static readonly Lazy<string> Dir = new(() => System.IO.Directory.CreateTempSubdirectory("posslot-fleet-tests-").FullName);

    public static string NewSqlite() => "sqlite:" + System.IO.Path.Combine(Dir.Value, $"{Guid.NewGuid():N}.db");

    public static void Remove()
    {
        if (Dir.IsValueCreated)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Dir.Value, recursive: true);
            }
            catch (System.IO.IOException)
            {
            }
        }
    }
}

[TestClass]
public static class FleetTestAssembly
{
    // Also on process exit: a test host torn down early must not leave a postgres running.
    [AssemblyInitialize]
    public static void Start(TestContext _) => AppDomain.CurrentDomain.ProcessExit += (_, _) => SharedPostgres.StopIfStarted();

    [AssemblyCleanup]
    public static void Stop()
    {
        SharedPostgres.StopIfStarted();
        TestStores.Remove();
    }
}
