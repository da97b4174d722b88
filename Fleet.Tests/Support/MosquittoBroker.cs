using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace PosSlot.Fleet.Tests.Support;

/// <summary>
/// A real Mosquitto (Debian's /usr/sbin/mosquitto) on a free loopback port, from a config generated
/// in a temporary directory: listener on 127.0.0.1 only, no anonymous clients, a password file made
/// with mosquitto_passwd, and the fleet ACL (MosquittoConfig). Stop and Start again keep the port and
/// the persistence file, for fault tests. Dispose kills it and deletes the directory; a test host
/// that exits without disposing kills it too (ProcessExit).
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string Ingester = "ingest";
    public const string Simulator = "simulator";

    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    readonly Dictionary<string, string> _passwords = new();
    readonly string _dir;
    Process? _process;

    public int Port { get; }
    public string Url => $"mqtt://127.0.0.1:{Port}";
    public string Directory => _dir;
    public string LogFile => Path.Combine(_dir, "mosquitto.log");

    /// <summary>Starts a broker with the ingester and simulator users and the given terminal users (their serials).</summary>
    public static MosquittoBroker Start(params string[] terminals)
    {
        var b = new MosquittoBroker(terminals);
        try
        {
            b.Start();
        }
        catch
        {
            b.Dispose();
            throw;
        }
        return b;
    }

    MosquittoBroker(string[] terminals)
    {
        string exe = MosquittoConfig.Executable()
            ?? throw new AssertInconclusiveException("mosquitto is not installed (apt-get install mosquitto; .ci/run does it)");
        _ = exe;
        _dir = System.IO.Directory.CreateTempSubdirectory("posslot-mosquitto-").FullName;
        Port = FreePort();
        foreach (var user in new[] { Ingester, Simulator }.Concat(terminals))
        {
            _passwords[user] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        }
        MosquittoConfig.Write(_dir, Port, _passwords);
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>A user's password (terminal users are their serials).</summary>
    public string Password(string user) => _passwords[user];

    /// <summary>A file holding the user's password, as `--password-file` takes it.</summary>
    public string PasswordFile(string user)
    {
        string path = Path.Combine(_dir, user + ".password");
        File.WriteAllText(path, _passwords[user] + "\n");
        return path;
    }

    public bool Running => _process is { HasExited: false };

    /// <summary>Starts (or starts again) on the same port and waits until it accepts connections.</summary>
    public void Start()
    {
        if (Running)
        {
            return;
        }
        var psi = new ProcessStartInfo(MosquittoConfig.Executable()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Path.Combine(_dir, "mosquitto.conf"));
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited at start ({_process.ExitCode}): {Tail()}");
            }
            if (Accepts())
            {
                return;
            }
            Thread.Sleep(20);
        }
        throw new TimeoutException($"mosquitto did not accept connections on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s: {Tail()}");
    }

    /// <summary>Stops the broker cleanly (SIGTERM: it saves its persistence file and closes connections).</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } p)
        {
            _ = SysKill(p.Id, 15);
            if (!p.WaitForExit(10_000))
            {
                Kill();
            }
        }
        _process?.Dispose();
        _process = null;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SysKill(int pid, int signal);

    /// <summary>Kills the broker at once (no clean shutdown: what a crash or a pulled cable does to clients).</summary>
    public void Kill()
    {
        if (_process == null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _process = null;
    }

    bool Accepts()
    {
        try
        {
            using var c = new TcpClient();
            c.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    string Tail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 5)));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    void KillOnExit(object? sender, EventArgs e) => Kill();

    public void Dispose()
    {
        Kill();
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
