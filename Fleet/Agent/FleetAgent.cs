using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.DiagClient;
using PosSlot.Fleet.Messages;

namespace PosSlot.Fleet.Agent;

/// <summary>
/// The agent beside one reader: every interval it reads the board (BoardReader), puts an events
/// batch (new milestones, or changed routine counts) and then the state into the spool, and sends
/// the spool oldest first. A board that stops answering is reported as board_lost with the reason,
/// never with guessed readings; the broker's last will says offline when the agent itself vanishes.
/// </summary>
public sealed class FleetAgent(AgentSettings settings, IBoardConsole board, IAgentClock clock, Spool spool, IFleetPublisher publisher, TextWriter log)
{
    const int SendBatch = 100;

    string? _serial = settings.SerialHint;
    string _lastRoutine = "[]";
    string? _lastRefusal;
    bool _wasConnected = true;

    public string? Serial => _serial;

    /// <summary>One report: read, spool, send.</summary>
    public async Task<CycleReport> Cycle(CancellationToken ct)
    {
        var now = clock.UtcNow;
        BoardSnapshot? snap = null;
        string? lost = null;
        try
        {
            snap = BoardReader.Read(board, serial => spool.ReadId(serial), spool.HasRoomForMilestones);
        }
        catch (CliFailure e)
        {
            lost = e.Message;
        }
        if (snap != null && settings.ExpectedSerial != null && snap.Serial != settings.ExpectedSerial)
        {
            lost = $"the board on this port says serial {snap.Serial}, the key file is for {settings.ExpectedSerial}";
            log.WriteLine($"agent: {lost}: not reporting its readings");
            snap = null;
        }
        if (snap != null)
        {
            _serial = snap.Serial;
        }
        if (_serial == null || !FleetAddress.IsName(_serial) || !FleetAddress.IsName(settings.Site))
        {
            log.WriteLine($"agent: nothing to report: {lost ?? $"serial '{_serial}' or site '{settings.Site}' is not a topic name"}");
            return new CycleReport("", 0, 0, spool.Pending, false);
        }
        string serial = _serial;
        string status;
        if (snap != null)
        {
            SpoolEvents(serial, snap, now);
            status = StateMessage.Online;
        }
        else
        {
            status = StateMessage.BoardLost;
        }
        var state = State(serial, status, now, snap, lost);
        spool.Add(serial, FleetAddress.StateKind, FleetTopics.State(settings.Site, serial), FleetJson.Bytes(state), retain: true, 0);
        var (sent, connected) = await Flush(ct);
        return new CycleReport(status, snap?.Milestones.Count ?? 0, sent, spool.Pending, connected);
    }

    void SpoolEvents(string serial, BoardSnapshot snap, DateTimeOffset now)
    {
        string routine = JsonSerializer.Serialize(snap.Routine, FleetJson.Options);
        if (snap.Milestones.Count == 0 && (snap.EventsSkipped || routine == _lastRoutine))
        {
            return;
        }
        var batch = new EventsMessage
        {
            Serial = serial,
            Site = settings.Site,
            AgentTime = FleetJson.Time(now),
            BoardDropped = snap.BoardDropped,
            Events = snap.Milestones,
            Routine = snap.Routine,
        };
        long last = snap.Milestones.Count > 0 ? snap.Milestones.Max(m => m.Id) : 0;
        spool.Add(serial, FleetAddress.EventsKind, FleetTopics.Events(settings.Site, serial), FleetJson.Bytes(batch), retain: false, last);
        _lastRoutine = routine;
    }

    StateMessage State(string serial, string status, DateTimeOffset now, BoardSnapshot? s, string? reason) => new()
    {
        Serial = serial,
        Site = settings.Site,
        Status = status,
        AgentTime = FleetJson.Time(now),
        IntervalS = (int)Math.Clamp(settings.Interval.TotalSeconds, 1, 604_800),
        Board = s?.Board,
        Health = s?.Health,
        Fault = s?.Fault,
        Fallback = s?.Fallback,
        Advice = s?.Advice,
        Counters = s?.Counters,
        Wear = s?.Wear,
        LastEventId = spool.ReadId(serial),
        Spool = new SpoolInfo { Pending = spool.Pending, Dropped = spool.DroppedTotal, DroppedReasons = spool.Dropped },
        Reason = status == StateMessage.Online ? null : Clip(reason ?? "", 256),
    };

    /// <summary>The retained last will: the broker publishes it if the connection dies without a goodbye.</summary>
    byte[] Will(string serial, string why) => FleetJson.Bytes(State(serial, StateMessage.Offline, clock.UtcNow, null, why) with { LastEventId = spool.AckedId(serial) });

    /// <summary>Sends the spool oldest first until it is empty or the broker is gone. Returns messages acknowledged.</summary>
    public async Task<(int Sent, bool Connected)> Flush(CancellationToken ct)
    {
        if (_serial == null)
        {
            return (0, false);
        }
        string serial = _serial;
        bool connected = await publisher.EnsureConnected(FleetTopics.State(settings.Site, serial), Will(serial, "agent connection lost"), ct);
        if (!connected)
        {
            if (_wasConnected || publisher.ConnectRefusal != null)
            {
                log.WriteLine(publisher.ConnectRefusal != null
                    ? $"agent: the broker refused the connection ({publisher.ConnectRefusal}): check --username and --password-file; spooling"
                    : $"agent: broker unreachable; spooling ({spool.Pending} waiting)");
            }
            _wasConnected = false;
            return (0, false);
        }
        if (!_wasConnected)
        {
            log.WriteLine($"agent: broker reachable again; sending {spool.Pending} spooled messages");
        }
        _wasConnected = true;
        int sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = spool.Oldest(SendBatch);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var m in batch)
            {
                var (outcome, refusal) = await publisher.Publish(m.Topic, m.Payload, m.Retain, ct);
                if (outcome == PublishOutcome.Unreachable)
                {
                    _wasConnected = false;
                    log.WriteLine($"agent: connection lost while sending; {spool.Pending} messages stay spooled");
                    return (sent, false);
                }
                if (outcome == PublishOutcome.Refused)
                {
                    spool.Refused(m, refusal);
                    if (refusal != _lastRefusal)
                    {
                        log.WriteLine($"agent: the broker refused a message on {m.Topic} ({refusal}); dropped and counted"
                            + (refusal == "broker_not_authorized" ? ": this agent's MQTT user may publish only under its own serial" : ""));
                        _lastRefusal = refusal;
                    }
                    continue;
                }
                spool.Acknowledged(serial, m);
                sent++;
            }
        }
        return (sent, true);
    }

    /// <summary>Reports every interval until stopped; between reports retries the broker while messages wait.</summary>
    public async Task Run(CancellationToken stop)
    {
        var next = clock.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            var report = await Cycle(stop);
            log.WriteLine($"agent: {FleetJson.Time(clock.UtcNow)} {(report.Status.Length > 0 ? report.Status : "no report")}, {report.Milestones} new milestones, {report.Sent} sent, {report.Pending} spooled");
            next += settings.Interval;
            while (!stop.IsCancellationRequested && clock.UtcNow < next)
            {
                var wake = spool.Pending > 0 && clock.UtcNow + settings.RetryEvery < next ? clock.UtcNow + settings.RetryEvery : next;
                if (!await clock.WaitUntil(wake, stop))
                {
                    break;
                }
                if (spool.Pending > 0 && clock.UtcNow < next)
                {
                    await Flush(stop);
                }
            }
        }
    }

    /// <summary>Stopping on purpose: says offline (retained) before a clean disconnect, which suppresses the will.</summary>
    public async Task GoOffline(string why)
    {
        if (_serial != null && await publisher.EnsureConnected(FleetTopics.State(settings.Site, _serial), Will(_serial, why), CancellationToken.None))
        {
            await publisher.Publish(FleetTopics.State(settings.Site, _serial), Will(_serial, why), retain: true, CancellationToken.None);
        }
    }

    static string Clip(string s, int n) => s.Length > n ? s[..n] : s;
}
