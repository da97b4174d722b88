using System.Collections.Generic;
using PosSlot.Emulator.Running;

namespace PosSlot.Emulator.Capture;

/// <summary>Edges and read results a capture layer holds, handed to the core in time order (ties keep arrival order).</summary>
public sealed class PendingStimuli(IStimulusTarget next)
{
    readonly List<(long TimeUs, int Order, int Line, int Level, bool Read)> _items = new();

    public void Edge(long timeUs, int line, int level) => _items.Add((timeUs, _items.Count, line, level, false));

    public void Read(long timeUs, bool ok) => _items.Add((timeUs, _items.Count, 0, ok ? 1 : 0, true));

    public void Deliver()
    {
        _items.Sort((a, b) => a.TimeUs != b.TimeUs ? a.TimeUs.CompareTo(b.TimeUs) : a.Order.CompareTo(b.Order));
        foreach (var item in _items)
        {
            if (item.Read)
            {
                next.ReadResult(item.Level == 1, item.TimeUs);
            }
            else
            {
                next.Edge(item.Line, item.Level, item.TimeUs);
            }
        }
        _items.Clear();
    }

    /// <summary>The power went: what was held never reaches the core.</summary>
    public void Drop() => _items.Clear();
}
