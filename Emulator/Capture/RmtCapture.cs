using System;
using System.Collections.Generic;
using PosSlot.Emulator.Running;
using PosSlot.Firmware.Lines;

namespace PosSlot.Emulator.Capture;

/// <summary>
/// The board's RMT capture (docs/architecture.md): each line's receiver records a burst of edges
/// with 1 µs durations in hardware and ends it after IdleUs without an edge. The handler then reads
/// the items and HighResTimer; it takes the burst's last edge to be at read time − IdleUs −
/// NominalLatencyUs. Durations inside a burst are exact; the whole burst is off by the handler's
/// real latency minus the nominal one (seeded, LatencyMinUs..LatencyMaxUs). The layer merges the
/// lines' bursts in time order before the core sees them.
/// </summary>
public sealed class RmtCapture : ICaptureModel
{
    public const long IdleUs = 10_000;
    public const long LatencyMinUs = 200;
    public const long LatencyMaxUs = 3_000;
    public const long NominalLatencyUs = 1_000;

    readonly PendingStimuli _out;
    readonly Random _rnd;
    readonly List<(long T, int Level)>[] _burst = [new(), new(), new()];

    public RmtCapture(IStimulusTarget next, int seed)
    {
        _out = new PendingStimuli(next);
        _rnd = new Random(unchecked(seed * 31 + 7));
    }

    public void Edge(int line, int level, long timeUs)
    {
        var burst = _burst[line];
        if (burst.Count > 0 && timeUs - burst[^1].T > IdleUs)
        {
            Close(line);
        }
        burst.Add((timeUs, level));
    }

    public void ReadResult(bool ok, long timeUs) => _out.Read(timeUs, ok);

    public void Flush()
    {
        for (int line = 0; line < SlotLine.Count; line++)
        {
            Close(line);
        }
        _out.Deliver();
    }

    void Close(int line)
    {
        var burst = _burst[line];
        if (burst.Count == 0)
        {
            return;
        }
        long error = _rnd.NextInt64(LatencyMinUs, LatencyMaxUs + 1) - NominalLatencyUs;
        foreach (var (t, level) in burst)
        {
            _out.Edge(Math.Max(0, t + error), line, level);
        }
        burst.Clear();
    }
}
