using System;
using System.Collections.Generic;

namespace PosSlot.Emulator.Running;

public enum PowerCutKind
{
    None,

    /// <summary>While a card is in the slot: the rest of its edges are lost.</summary>
    DuringCard,

    /// <summary>Inside one of the store's writes, at a seeded byte: the write is torn.</summary>
    DuringWrite,

    /// <summary>Between cards, all writes done.</summary>
    BetweenCards,
}

/// <summary>One planned cut: its kind and a seeded fraction that places it (a stimulus, a byte).</summary>
public readonly record struct PowerCut(PowerCutKind Kind, double Fraction)
{
    public int Where(int count) => (int)(Fraction * count);
}

/// <summary>Where the power goes in a run: `count` cuts at seeded insertions, a third of each kind.</summary>
public sealed class PowerCutPlan
{
    readonly Dictionary<long, PowerCut> _cuts = new();

    public PowerCutPlan(int count, int insertions, int seed)
    {
        var rnd = new Random(unchecked(seed * 7919 + 17));
        count = Math.Min(count, insertions);
        while (_cuts.Count < count)
        {
            long n = rnd.NextInt64(1, insertions + 1);
            if (!_cuts.ContainsKey(n))
            {
                _cuts[n] = new PowerCut((PowerCutKind)(1 + rnd.Next(3)), rnd.NextDouble());
            }
        }
    }

    public PowerCut At(long insertion) => _cuts.TryGetValue(insertion, out var cut) ? cut : default;
}
