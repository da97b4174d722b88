using System;
using PosSlot.Emulator.Running;

namespace PosSlot.Emulator.Capture;

/// <summary>The capture models `emulate --capture` offers.</summary>
public static class CaptureMode
{
    /// <summary>Every edge stamped exactly when the pin changed: the reference the others are measured against.</summary>
    public const string Ideal = "ideal";

    /// <summary>RMT receive: pulse trains timed in hardware (1 µs), stamped from HighResTimer when the handler reads them.</summary>
    public const string Rmt = "rmt";

    /// <summary>Managed GPIO ValueChanged events: no timestamp, dispatched late and one at a time.</summary>
    public const string GpioEvents = "gpio-events";

    public static readonly string[] All = [Ideal, Rmt, GpioEvents];

    public static ICaptureModel Create(string mode, IStimulusTarget next, int seed) => mode switch
    {
        Ideal => new IdealCapture(next),
        Rmt => new RmtCapture(next, seed),
        GpioEvents => new GpioEventCapture(next, seed),
        _ => throw new ArgumentException($"capture '{mode}' must be one of {string.Join(", ", All)}"),
    };
}
