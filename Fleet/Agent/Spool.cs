using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Data.Sqlite;

namespace PosSlot.Fleet.Agent;

/// <summary>
/// The agent's store-and-forward spool: a local SQLite file holding every message until the broker
/// acknowledged it (PUBACK), sent oldest first. Bounded to `capacity` messages: when full, the oldest
/// state or routine-only message goes first (counted by reason); milestones are never dropped here:
/// when only milestones fill it, the agent stops reading events and they wait on the board, which
/// keeps them (docs/console.md: routine events cannot evict milestones). It also remembers, per serial,
/// the newest milestone id read from the board and the newest acknowledged, so a restart resumes.
/// Every change is committed before it is acted on: killing the agent at any point loses nothing
/// (a message may be sent twice; milestone ids make that harmless).
/// </summary>
public sealed class Spool : IDisposable
{
    public const int DefaultCapacity = 10_000;
    public const string FileName = "spool.db";

    public const string DroppedState = "spool_full_state";
    public const string DroppedRoutine = "spool_full_routine";

    readonly SqliteConnection _db;
    SqliteTransaction? _tx;

    public int Capacity { get; }

    public Spool(string directory, int capacity = DefaultCapacity) : this(Path.Combine(Created(directory), FileName), capacity, durable: true)
    {
    }

    Spool(string dataSource, int capacity, bool durable)
    {
        if (capacity < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "the spool needs room for at least a state and a batch");
        }
        Capacity = capacity;
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dataSource, Pooling = false }.ToString());
        _db.Open();
        Exec(durable ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;" : "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;");
        Exec("""
            CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, topic TEXT NOT NULL,
                payload BLOB NOT NULL, retain INTEGER NOT NULL, last_milestone_id INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS cursor (serial TEXT PRIMARY KEY, read_id INTEGER NOT NULL, acked_id INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS dropped (reason TEXT PRIMARY KEY, count INTEGER NOT NULL);
            """);
    }

    /// <summary>
    /// The same spool in memory: for the fleet simulator, whose thousands of boards need the agent's
    /// logic but not a file each that must survive a power cut.
    /// </summary>
    public static Spool InMemory(int capacity = DefaultCapacity) => new(":memory:", capacity, durable: false);

    static string Created(string directory)
    {
        Directory.CreateDirectory(directory);
        return directory;
    }

    public long Pending => Scalar("SELECT COUNT(*) FROM outbox");

    public long MilestoneMessages => Scalar("SELECT COUNT(*) FROM outbox WHERE last_milestone_id > 0");

    /// <summary>Room for another batch of milestones without evicting one (leaves a place for the state).</summary>
    public bool HasRoomForMilestones => MilestoneMessages < Capacity - 1;

    /// <summary>The newest milestone id read from this board into the spool (0: none yet).</summary>
    public long ReadId(string serial) => Scalar("SELECT COALESCE(MAX(read_id), 0) FROM cursor WHERE serial = $s", ("$s", serial));

    /// <summary>The newest milestone id the broker acknowledged for this board.</summary>
    public long AckedId(string serial) => Scalar("SELECT COALESCE(MAX(acked_id), 0) FROM cursor WHERE serial = $s", ("$s", serial));

    public IReadOnlyDictionary<string, long> Dropped
    {
        get
        {
            var d = new SortedDictionary<string, long>(StringComparer.Ordinal);
            using var c = Command("SELECT reason, count FROM dropped");
            using var r = c.ExecuteReader();
            while (r.Read())
            {
                d[r.GetString(0)] = r.GetInt64(1);
            }
            return d;
        }
    }

    public long DroppedTotal => Scalar("SELECT COALESCE(SUM(count), 0) FROM dropped");

    /// <summary>
    /// Adds a message (and, for milestones, moves the board's read cursor in the same transaction).
    /// When full, evicts the oldest state or routine-only message; if there is none, a state or
    /// routine-only message being added is itself dropped. Returns false when it was dropped.
    /// </summary>
    public bool Add(string serial, string kind, string topic, byte[] payload, bool retain, long lastMilestoneId)
    {
        using var tx = _tx = _db.BeginTransaction();
        bool added = true;
        if (Scalar("SELECT COUNT(*) FROM outbox") >= Capacity)
        {
            var victim = Query("SELECT seq, kind FROM outbox WHERE last_milestone_id = 0 ORDER BY seq LIMIT 1");
            if (victim is { } v)
            {
                Exec("DELETE FROM outbox WHERE seq = $q", ("$q", v.Seq));
                Count(v.Kind == "state" ? DroppedState : DroppedRoutine);
            }
            else if (lastMilestoneId == 0)
            {
                Count(kind == "state" ? DroppedState : DroppedRoutine);
                added = false;
            }
            // A milestone batch is only ever added when HasRoomForMilestones said so, so there was a victim.
        }
        if (added)
        {
            Exec("INSERT INTO outbox (kind, topic, payload, retain, last_milestone_id) VALUES ($k, $t, $p, $r, $m)",
                ("$k", kind), ("$t", topic), ("$p", payload), ("$r", retain ? 1 : 0), ("$m", lastMilestoneId));
        }
        if (lastMilestoneId > 0)
        {
            Exec("INSERT INTO cursor (serial, read_id, acked_id) VALUES ($s, $m, 0) ON CONFLICT(serial) DO UPDATE SET read_id = MAX(read_id, $m)",
                ("$s", serial), ("$m", lastMilestoneId));
        }
        tx.Commit();
        _tx = null;
        return added;
    }

    /// <summary>The oldest messages, in sending order.</summary>
    public IReadOnlyList<SpooledMessage> Oldest(int max)
    {
        var list = new List<SpooledMessage>();
        using var c = Command("SELECT seq, kind, topic, payload, retain, last_milestone_id FROM outbox ORDER BY seq LIMIT $n", ("$n", max));
        using var r = c.ExecuteReader();
        while (r.Read())
        {
            list.Add(new SpooledMessage(r.GetInt64(0), r.GetString(1), r.GetString(2), (byte[])r[3], r.GetInt64(4) != 0, r.GetInt64(5)));
        }
        return list;
    }

    /// <summary>The broker acknowledged it: gone from the spool, and its milestones count as delivered.</summary>
    public void Acknowledged(string serial, SpooledMessage m)
    {
        using var tx = _tx = _db.BeginTransaction();
        Exec("DELETE FROM outbox WHERE seq = $q", ("$q", m.Seq));
        if (m.LastMilestoneId > 0)
        {
            Exec("INSERT INTO cursor (serial, read_id, acked_id) VALUES ($s, $m, $m) ON CONFLICT(serial) DO UPDATE SET acked_id = MAX(acked_id, $m)",
                ("$s", serial), ("$m", m.LastMilestoneId));
        }
        tx.Commit();
        _tx = null;
    }

    /// <summary>The broker refused it for good (not authorised, too large): dropped, counted by reason.</summary>
    public void Refused(SpooledMessage m, string reason)
    {
        using var tx = _tx = _db.BeginTransaction();
        Exec("DELETE FROM outbox WHERE seq = $q", ("$q", m.Seq));
        Count(reason);
        tx.Commit();
        _tx = null;
    }

    void Count(string reason) =>
        Exec("INSERT INTO dropped (reason, count) VALUES ($r, 1) ON CONFLICT(reason) DO UPDATE SET count = count + 1", ("$r", reason));

    (long Seq, string Kind)? Query(string sql)
    {
        using var c = Command(sql);
        using var r = c.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetString(1)) : null;
    }

    long Scalar(string sql, params (string, object)[] args)
    {
        using var c = Command(sql, args);
        return Convert.ToInt64(c.ExecuteScalar());
    }

    void Exec(string sql, params (string, object)[] args)
    {
        using var c = Command(sql, args);
        c.ExecuteNonQuery();
    }

    // Every statement runs in the open transaction, if any.
    SqliteCommand Command(string sql, params (string, object)[] args)
    {
        var c = _db.CreateCommand();
        c.CommandText = sql;
        c.Transaction = _tx;
        foreach (var (n, v) in args)
        {
            c.Parameters.AddWithValue(n, v);
        }
        return c;
    }

    public void Dispose() => _db.Dispose();
}
