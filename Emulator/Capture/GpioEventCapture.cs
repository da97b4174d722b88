using System;
using PosSlot.Emulator.Running;

namespace PosSlot.Emulator.Capture;

/// <summary>
/// Capture by managed GPIO ValueChanged events (docs/architecture.md): an event carries the edge's
/// direction but no time; it reaches managed code through the event queue DispatchMinUs..DispatchMaxUs
/// after the pin changed (seeded), one at a time, ServiceUs each (the interpreter's cost of an edge
/// through the core), and is stamped from HighResTimer when its handler runs. A bounce burst queues
/// up: its edges are stamped later and further apart than they happened.
/// </summary>
public sealed class GpioEventCapture : ICaptureModel
{
    public const long DispatchMinUs = 100;
    public const long DispatchMaxUs = 2_000;
    public const long ServiceUs = 150;

    readonly PendingStimuli _out;
    readonly Random _rnd;
    long _freeUs;

    public GpioEventCapture(IStimulusTarget next, int seed)
    {
        _out = new PendingStimuli(next);
        _rnd = new Random(unchecked(seed * 131 + 3));
    }

    public void Edge(int line, int level, long timeUs)
    {
        long start = Math.Max(timeUs + _rnd.NextInt64(DispatchMinUs, DispatchMaxUs + 1), _freeUs);
        _freeUs = start + ServiceUs;
        _out.Edge(start, line, level);
    }

    public void ReadResult(bool ok, long timeUs) => _out.Read(timeUs, ok);

    public void Flush() => _out.Deliver();
}
