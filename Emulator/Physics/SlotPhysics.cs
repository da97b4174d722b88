using System;
using PosSlot.Emulator.Scenarios;
using PosSlot.Firmware.Lines;

namespace PosSlot.Emulator.Physics;

/// <summary>
/// The simulated slot: for each insertion it lays down the detect and contact lines' physical
/// edges (bounce from the wear curve), what the customer does, dirt, a broken detect switch,
/// reader faults, the terminal's read results and EMI glitches. Seeded and deterministic.
/// </summary>
public sealed class SlotPhysics
{
    const long Ms = 1000;
    const long Second = 1_000_000;

    readonly Scenario _s;
    readonly WearCurve _wear;
    readonly Random _rnd;
    readonly long _meanGapUs;
    bool _dirty;
    bool _detectStuckDown;

    public SlotPhysics(Scenario scenario, int seed)
    {
        _s = scenario;
        _wear = new WearCurve(scenario.Wear, scenario.RatedCycles);
        _rnd = new Random(seed);
        _meanGapUs = (long)(86_400.0 * Second / scenario.InsertionsPerDay);
    }

    public WearCurve Wear => _wear;

    /// <summary>
    /// The truth the firmware is judged against: is the slot, as it is for insertion n, one that
    /// fails at least 30 % of payments for a reason of its own (not the customer's)? A broken
    /// detect switch counts at once: the slot can no longer see cards come and go.
    /// </summary>
    bool Failing(long n, double u)
    {
        if (_s.DetectFault is { Mode: "stuck" or "open" } fault && n >= fault.Onset)
        {
            return true;
        }
        double interrupted = 1 - (1 - (_dirty ? _s.Dirt!.Probability : 0)) * (1 - _wear.Fretting(u));
        double read = n >= _s.Reads.FailOnset ? _s.Reads.FailProbabilityAfter : _s.Reads.FailProbability;
        double readFault = n >= _s.Reads.FailOnset ? _s.Reads.ReaderFaultProbability : 0;
        double ok = (1 - _wear.NeverSeats(u)) * (1 - interrupted) * (1 - read * read) * (1 - readFault);
        return 1 - ok >= WearCurve.FailureShare;
    }

    /// <summary>A technician cleaned the slot: the dirt is gone.</summary>
    public void Clean() => _dirty = false;

    /// <summary>Lays down insertion n starting at startUs into the buffer (cleared first).</summary>
    public InsertionTruth Insert(long n, long startUs, StimulusBuffer buffer)
    {
        buffer.Clear();
        var truth = new InsertionTruth { StartUs = startUs, DetectInSettledUs = -1, DetectOutSettledUs = -1, DetectFirstEdgeUs = -1, ContactFirstEdgeUs = -1, ContactSettledUs = -1 };
        double u = _wear.LifeFraction(n);
        if (_s.Dirt is { } dirt && n == dirt.Onset)
        {
            _dirty = true;
        }
        truth.SlotFailed = Failing(n, u);
        string detectMode = _s.DetectFault is { } df && n >= df.Onset ? df.Mode : "ok";
        bool detectWorks = detectMode is "ok" or "chatter";
        bool stuckNow = detectMode == "stuck";

        double roll = _rnd.NextDouble();
        bool halfInsert = roll < _s.Users.HalfInsert;
        bool leaveIn = !halfInsert && roll < _s.Users.HalfInsert + _s.Users.LeaveIn;
        truth.QuickReinsertNext = _rnd.NextDouble() < _s.Users.QuickReinsert;

        long t = startUs;
        // Detect closes: switch bounce typically 1.6 ms, at most 6.2 ms.
        if (detectWorks || (stuckNow && !_detectStuckDown))
        {
            long span = (long)Math.Clamp(1400 * Math.Exp(0.5 * Gaussian()), 200, 6200);
            truth.DetectInSettledUs = BounceTrain.Add(buffer, SlotLine.Detect, 1, t, span, 3 + _rnd.Next(0, 4), _rnd);
            truth.DetectFirstEdgeUs = t;
            if (stuckNow)
            {
                _detectStuckDown = true; // this card goes in, and the bent switch never lets go
            }
        }

        long delay = (long)((_s.Users.SeatDelayMinUs + _rnd.NextDouble() * (_s.Users.SeatDelayMaxUs - _s.Users.SeatDelayMinUs)) * _wear.SeatDelayFactor(u));
        bool seats = !halfInsert && _rnd.NextDouble() >= _wear.NeverSeats(u);
        long contactOpenUs;
        if (seats)
        {
            truth.Seated = true;
            long seatUs = t + delay;
            double meanSpan = _wear.BounceSpanUs(u);
            long span = (long)Math.Clamp(meanSpan * (1 + 0.2 * Gaussian()), 200, 30_000);
            int edges = (int)Math.Max(1, Math.Round(_wear.BounceEdges(u) + _rnd.Next(-1, 2)));
            long settled = BounceTrain.Add(buffer, SlotLine.Contact, 1, seatUs, span, edges, _rnd);
            truth.ContactFirstEdgeUs = seatUs;
            truth.ContactSettledUs = settled;
            long seatedFor = leaveIn ? (120 + _rnd.Next(0, 480)) * Second : (800 + _rnd.Next(0, 2200)) * Ms;
            contactOpenUs = seatUs + seatedFor;
            long cursor = Math.Max(settled, seatUs + 60 * Ms);
            cursor = AddReads(n, cursor, buffer, ref truth.PaymentHurt);
            if (AddInterruptions(u, cursor, contactOpenUs - 50 * Ms, buffer) > 0)
            {
                truth.PaymentHurt = true;
            }
            BounceTrain.Add(buffer, SlotLine.Contact, 0, contactOpenUs, 100 + _rnd.Next(0, 900), 3, _rnd);
        }
        else
        {
            truth.PaymentHurt = !halfInsert;
            contactOpenUs = t + delay + (300 + _rnd.Next(0, 700)) * Ms;
        }

        long outUs = contactOpenUs + (20 + _rnd.Next(0, 60)) * Ms;
        if (detectWorks)
        {
            long span = (long)Math.Clamp(1200 * Math.Exp(0.5 * Gaussian()), 200, 6200);
            truth.DetectOutSettledUs = BounceTrain.Add(buffer, SlotLine.Detect, 0, outUs, span, 3 + _rnd.Next(0, 4), _rnd);
        }
        truth.EndUs = outUs + 10 * Ms;
        truth.Sensed = truth.DetectInSettledUs >= 0 || truth.Seated;
        if (detectMode == "chatter")
        {
            AddChatter(truth.EndUs + 100 * Ms, buffer);
        }
        AddEmi(startUs, truth.EndUs + 300 * Ms, buffer);
        buffer.Sort();
        // The next customer comes after everything this insertion laid down (EMI, chatter). A card
        // half-inserted under a stuck detect switch lays down nothing at all.
        if (buffer.Count > 0)
        {
            truth.EndUs = Math.Max(truth.EndUs, buffer[buffer.Count - 1].TimeUs + Ms);
        }
        return truth;
    }

    /// <summary>The gap before the next customer: hours in a quiet shop, 150..400 ms for a quick re-insert.</summary>
    public long GapAfter(in InsertionTruth truth)
    {
        if (truth.QuickReinsertNext)
        {
            return (150 + _rnd.Next(0, 250)) * Ms;
        }
        double exponential = -Math.Log(1 - _rnd.NextDouble()) * _meanGapUs;
        return Math.Max(2 * Second, (long)exponential);
    }

    long AddReads(long n, long cursor, StimulusBuffer buffer, ref bool hurt)
    {
        bool afterOnset = n >= _s.Reads.FailOnset;
        if (afterOnset && _rnd.NextDouble() < _s.Reads.ReaderFaultProbability)
        {
            hurt = true;
            cursor += 40 * Ms;
            buffer.Add(cursor, StimulusKind.Physical, SlotLine.ReaderFault, 1);
            cursor += (5 + _rnd.Next(0, 25)) * Ms;
            buffer.Add(cursor, StimulusKind.Physical, SlotLine.ReaderFault, 0);
        }
        if (!_s.Reads.Report)
        {
            return cursor;
        }
        double fail = afterOnset ? _s.Reads.FailProbabilityAfter : _s.Reads.FailProbability;
        // EMV: one retry after a failed chip read; after two the terminal falls back for this payment.
        for (int attempt = 0; attempt < 2; attempt++)
        {
            cursor += 150 * Ms;
            bool ok = _rnd.NextDouble() >= fail;
            buffer.Add(cursor, StimulusKind.ReadResult, 0, ok ? 1 : 0);
            if (ok)
            {
                break;
            }
            hurt = true;
        }
        return cursor;
    }

    /// <summary>Lays down the contact dropouts under this card; returns how many.</summary>
    int AddInterruptions(double u, long fromUs, long untilUs, StimulusBuffer buffer)
    {
        int count = 0;
        if (_dirty && _rnd.NextDouble() < _s.Dirt!.Probability)
        {
            count = 1 + _rnd.Next(0, 3);
        }
        if (_rnd.NextDouble() < _wear.Fretting(u))
        {
            count++;
        }
        long window = untilUs - fromUs;
        if (count == 0 || window < count * 20 * Ms)
        {
            return 0;
        }
        long slot = window / count;
        for (int i = 0; i < count; i++)
        {
            long at = fromUs + slot * i + _rnd.Next(0, (int)Math.Min(int.MaxValue, slot / 2));
            long width = (long)(200 * Math.Pow(25, _rnd.NextDouble())); // 0.2 .. 5 ms
            buffer.Add(at, StimulusKind.Physical, SlotLine.Contact, 0);
            buffer.Add(at + width, StimulusKind.Physical, SlotLine.Contact, 1);
        }
        return count;
    }

    /// <summary>A bent detect switch chatters with no card: a few bursts of 0.2..1.5 ms pulses.</summary>
    void AddChatter(long fromUs, StimulusBuffer buffer)
    {
        long t = fromUs;
        int bursts = 1 + _rnd.Next(0, 3);
        for (int i = 0; i < bursts; i++)
        {
            long width = 200 + _rnd.Next(0, 1300);
            buffer.Add(t, StimulusKind.Physical, SlotLine.Detect, 1);
            buffer.Add(t + width, StimulusKind.Physical, SlotLine.Detect, 0);
            t += 50 * Ms + _rnd.Next(0, 200) * Ms;
        }
    }

    /// <summary>EMI: glitches of 5..45 us on either line, about EmiPerSecond over the activity window.</summary>
    void AddEmi(long fromUs, long untilUs, StimulusBuffer buffer)
    {
        if (_s.EmiPerSecond <= 0)
        {
            return;
        }
        // Density holds over the busy seconds; a card left in for minutes gets ~6 s worth, spread thin.
        double expected = _s.EmiPerSecond * Math.Min(untilUs - fromUs, 6 * Second) / Second;
        int count = (int)expected + (_rnd.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
        for (int i = 0; i < count; i++)
        {
            long at = fromUs + (long)(_rnd.NextDouble() * (untilUs - fromUs));
            int line = _rnd.Next(0, 2);
            long width = 5 + _rnd.Next(0, 41);
            buffer.Add(at, StimulusKind.GlitchStart, line, 0);
            buffer.Add(at + width, StimulusKind.GlitchEnd, line, 0);
        }
    }

    /// <summary>A standard normal draw (Box-Muller), from the seeded generator.</summary>
    double Gaussian()
    {
        double u1 = 1.0 - _rnd.NextDouble();
        double u2 = _rnd.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
