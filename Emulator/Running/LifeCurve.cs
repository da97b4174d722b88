using System;
using System.Collections.Generic;

namespace PosSlot.Emulator.Running;

/// <summary>
/// The firmware's measurements averaged over bins of insertions, for the life report:
/// contact bounce span, seat delay, the share of seated cards with an interruption and of cards that never seated.
/// </summary>
public sealed class LifeCurve(int binSize)
{
    public sealed record Bin(long FirstInsertion, double ContactSpanMs, double SeatDelayMs, double InterruptedPercent, double NeverSeatedPercent);

    readonly List<Bin> _bins = new();
    long _first = 1;
    int _seated;
    int _delays;
    int _interrupted;
    int _neverSeated;
    double _spanSum;
    double _delaySum;
    int _count;

    public int BinSize => binSize;
    public IReadOnlyList<Bin> Bins => _bins;

    public void Add(long insertion, bool seated, long contactSpanUs, long seatDelayUs, bool interrupted)
    {
        if (_count == 0)
        {
            _first = insertion;
        }
        _count++;
        _neverSeated += seated ? 0 : 1;
        if (seated)
        {
            _seated++;
            _spanSum += contactSpanUs;
            _interrupted += interrupted ? 1 : 0;
            if (seatDelayUs >= 0)
            {
                _delays++;
                _delaySum += seatDelayUs;
            }
        }
        if (_count == binSize)
        {
            Close();
        }
    }

    public void Close()
    {
        if (_count == 0)
        {
            return;
        }
        _bins.Add(new Bin(_first,
            _seated == 0 ? double.NaN : _spanSum / _seated / 1000,
            _delays == 0 ? double.NaN : _delaySum / _delays / 1000,
            _seated == 0 ? double.NaN : 100.0 * _interrupted / _seated,
            100.0 * _neverSeated / _count));
        _count = _seated = _delays = _interrupted = _neverSeated = 0;
        _spanSum = _delaySum = 0;
    }

    public static int BinSizeFor(long insertions) => (int)Math.Max(1, insertions / 400);
}
