using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace PosSlot.Fleet.Store;

/// <summary>
/// Where a store is: <c>sqlite:PATH</c> (the embedded default) or <c>postgres://user[:password]@host[:port]/db</c>
/// (also postgresql://). Without a password in the URL Npgsql reads PGPASSWORD or ~/.pgpass, which keeps it off the
/// command line. <see cref="Display"/> never shows the password.
/// </summary>
public sealed record FleetStoreLocation(string Engine, string Target, string Display)
{
    /// <summary>Parses a --db value; throws FormatException with a one-line reason.</summary>
    public static FleetStoreLocation Parse(string text)
    {
        if (text.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            var path = text["sqlite:".Length..];
            if (path.Length == 0)
            {
                throw new FormatException("sqlite: needs a file path, as in sqlite:fleet.db");
            }
            return new FleetStoreLocation("sqlite", path, text);
        }
        if (text.StartsWith("postgres://", StringComparison.Ordinal) || text.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                throw new FormatException("expected postgres://user:password@host:port/database");
            }
            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length == 0)
            {
                throw new FormatException("postgres:// needs a database name, as in postgres://user@127.0.0.1:5432/fleet");
            }
            var b = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
                Database = database,
                // An ingester needs few connections; many ingesters share one server's max_connections.
                MaxPoolSize = 4,
            };
            var user = uri.UserInfo.Split(':', 2);
            if (user[0].Length > 0)
            {
                b.Username = Uri.UnescapeDataString(user[0]);
            }
            if (user.Length > 1)
            {
                b.Password = Uri.UnescapeDataString(user[1]);
            }
            var display = user.Length > 1 ? text.Replace(":" + user[1] + "@", ":***@", StringComparison.Ordinal) : text;
            return new FleetStoreLocation("postgres", b.ConnectionString, display);
        }
        throw new FormatException("use sqlite:PATH or postgres://user@host:port/database");
    }

    public async Task<IFleetStore> OpenAsync(CancellationToken cancel = default) =>
        Engine == "sqlite" ? await SqliteFleetStore.OpenAsync(Target, cancel) : await PostgresFleetStore.OpenAsync(Target, cancel);

    public override string ToString() => Display;
}
