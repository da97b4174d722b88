using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace PosSlot.Fleet.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server (Debian's package) in a temporary directory on a free loopback port, password
/// authentication for its one user. PostgreSQL refuses to run as root, so under root (CI) initdb and the server run
/// as the <c>postgres</c> user through runuser, and the directory is handed to that user. Stop/Start keep the data
/// (the "database unavailable for a while" fault); Dispose stops it hard and deletes the directory.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string User = "posslot";
    private readonly string bin;
    private readonly string root;
    private readonly string data;
    private readonly bool asPostgresUser;
    private readonly bool durable;
    private bool running;

    public int Port { get; }

    /// <summary>The user's password (random per server; tests read it here, nothing logs it).</summary>
    public string Password { get; }

    private PostgresServer(string bin, string root, int port, string password, bool asPostgresUser, bool durable)
    {
        this.durable = durable;
        this.bin = bin;
        this.root = root;
        data = Path.Combine(root, "data");
        Port = port;
        Password = password;
        this.asPostgresUser = asPostgresUser;
    }

    /// <summary>The newest installed PostgreSQL's bin directory, or null when the package is missing.</summary>
    public static string? FindBin()
    {
        const string lib = "/usr/lib/postgresql";
        if (!Directory.Exists(lib))
        {
            return null;
        }
        return Directory.GetDirectories(lib)
            .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault();
    }

    /// <summary>
    /// initdb and start; fails the test run with a clear message when PostgreSQL is not installed. Tests run with
    /// fsync off (nothing to keep); benchmarks pass durable: true, PostgreSQL's defaults, as a real store runs.
    /// </summary>
    public static PostgresServer Start(bool durable = false)
    {
        var bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)");
        var asPostgres = Environment.UserName == "root";
        // Under root the postgres user must reach the directory: /tmp, not a TMPDIR that may be root's own.
        var root = Path.Combine(asPostgres ? "/tmp" : Path.GetTempPath(), "posslot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new PostgresServer(bin, root, FreePort(), Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), asPostgres, durable);
        try
        {
            server.Init();
            server.StartServer();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>A connection URL for one database on this server, as <c>posslot fleet ingest --db</c> takes it.</summary>
    public string Url(string database) => $"postgres://{User}:{Password}@127.0.0.1:{Port}/{database}";

    /// <summary>Creates a fresh database (one per test keeps tests apart without a server each).</summary>
    public string CreateDatabase(string name)
    {
        Run(Path.Combine(bin, "createdb"), $"-h 127.0.0.1 -p {Port} -U {User} {name}", password: Password);
        return Url(name);
    }

    /// <summary>Stops the server at once (no checkpoint), as a crash or a pulled cable would; the data stays.</summary>
    public void Stop()
    {
        if (running)
        {
            Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w -t 30 stop");
            running = false;
        }
    }

    /// <summary>Starts the server again on the same port with the same data.</summary>
    public void StartServer()
    {
        Run(Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(root, "server.log")} -w -t 60 "
            + $"-o \"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root}{(durable ? "" : " -c fsync=off")} -c max_connections=50\" start");
        running = true;
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (Exception)
        {
            KillFromPidFile();
        }
        KillFromPidFile();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Init()
    {
        var pwfile = Path.Combine(root, "pw");
        File.WriteAllText(pwfile, Password + "\n");
        if (asPostgresUser)
        {
            Run("chown", $"-R postgres: {root}", asIs: true);
        }
        Run(Path.Combine(bin, "initdb"), $"-D {data} -U {User} --pwfile={pwfile} --auth=scram-sha-256 -E UTF8 --no-sync");
        File.Delete(pwfile);
    }

    // pg_ctl stop failed or the server outlived it: kill the postmaster by its recorded pid so none is left running.
    private void KillFromPidFile()
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }
        if (int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                p.Kill(entireProcessTree: true);
                p.WaitForExit(10_000);
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    private void Run(string exe, string arguments, bool asIs = false, string? password = null)
    {
        var info = asPostgresUser && !asIs
            ? new ProcessStartInfo("runuser", $"-u postgres -- {exe} {arguments}")
            : new ProcessStartInfo(exe, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = root;
        if (password != null)
        {
            info.Environment["PGPASSWORD"] = password;
        }
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(exe)} did not finish in 2 minutes");
        }
        if (p.ExitCode != 0)
        {
            var log = Path.Combine(root, "server.log");
            var tail = File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(10)) : "";
            throw new InvalidOperationException($"{Path.GetFileName(exe)} {arguments.Split(' ')[0]} failed ({p.ExitCode}): {error.Result}{output.Result}\n{tail}");
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
