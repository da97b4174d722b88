using System;
using System.Collections.Generic;

namespace PosSlot.Emulator.Physics;

/// <summary>A reusable, growable list of stimuli, sorted by time (ties keep the order they were added).</summary>
public sealed class StimulusBuffer
{
    static readonly IComparer<Stimulus> ByTime = Comparer<Stimulus>.Create(
        (a, b) => a.TimeUs != b.TimeUs ? a.TimeUs.CompareTo(b.TimeUs) : a.Order.CompareTo(b.Order));

    Stimulus[] _items = new Stimulus[256];

    public int Count { get; private set; }

    public ref Stimulus this[int i] => ref _items[i];

    public void Clear() => Count = 0;

    public void Add(long timeUs, StimulusKind kind, int line, int level)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count] = new Stimulus { TimeUs = timeUs, Order = Count, Kind = kind, Line = line, Level = level };
        Count++;
    }

    public void Sort() => Array.Sort(_items, 0, Count, ByTime);
}
