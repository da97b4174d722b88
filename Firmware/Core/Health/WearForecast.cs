using PosSlot.Firmware.Persistence;
namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// How long until the slot is Degraded and until it fails, from the slot's own wear trend.
    ///
    /// The connector's wear model (HealthSettings.Forecast*): contact bounce grows with the share of
    /// rated life used, u, as ratio = 1 + (EndRatio - 1) * u^1.5 against the new slot's baseline, and
    /// slots fail at u in [FailLow, FailHigh]. Every Block insertions the block's mean bounce ratio
    /// gives one estimate of u; a least-squares line through the last Points estimates gives u now
    /// and its speed (u per insertion), so a slot worn twice as hard is forecast twice as soon.
    /// The range covers the failure point's spread and two standard errors of the speed. Until the
    /// speed stands clear of its own noise there is no forecast ("not enough trend yet").
    /// Fixed memory, no allocation after construction; O(Points) once per block.
    /// </summary>
    public sealed class WearForecast
    {
        public const long Unknown = -1;

        readonly HealthSettings _s;
        readonly double[] _n;
        readonly double[] _u;
        readonly double[] _t;
        int _points;
        int _next;

        double _blockSum;
        int _blockCount;
        long _blockFirstN;
        long _blockFirstT;

        // The forecast's own baseline: the first block's mean span, 500 cards (10x the analyser's 50,
        // so its error is ~1 % instead of ~3 %, which the u^1.5 inversion would turn into a bias).
        double _baseSpan;

        /// <summary>The forecast as of the last finished block (Unknown where there is none).</summary>
        public bool HasTrend;
        public double LifeUsed;
        public long DegradedInLow = Unknown, DegradedIn = Unknown, DegradedInHigh = Unknown;
        public long FailedInLow = Unknown, FailedIn = Unknown, FailedInHigh = Unknown;

        /// <summary>Insertions per day over the points' span (0 when unknown).</summary>
        public double PerDay;

        /// <summary>The insertion the forecast was made at.</summary>
        public long AtInsertion;

        public WearForecast(HealthSettings settings)
        {
            _s = settings;
            _n = new double[settings.ForecastPoints];
            _u = new double[settings.ForecastPoints];
            _t = new double[settings.ForecastPoints];
        }

        /// <summary>One seated insertion's contact bounce span; `insertion` is the slot's count.</summary>
        public void Add(long insertion, long tUs, double spanUs)
        {
            if (_blockCount == 0)
            {
                _blockFirstN = insertion;
                _blockFirstT = tUs;
            }
            _blockSum += spanUs;
            _blockCount++;
            if (_blockCount < _s.ForecastBlock)
            {
                return;
            }
            double mean = _blockSum / _blockCount;
            _blockSum = 0;
            _blockCount = 0;
            if (_baseSpan <= 0)
            {
                _baseSpan = mean;
                return;
            }
            // The block's mean describes its middle, not its end: on a fast-wearing slot half a block is a lag.
            _n[_next] = (_blockFirstN + insertion) / 2.0;
            _u[_next] = LifeFromRatio(mean / _baseSpan);
            _t[_next] = (_blockFirstT + tUs) / 2.0;
            _next = (_next + 1) % _n.Length;
            if (_points < _n.Length)
            {
                _points++;
            }
            Compute(insertion);
        }

        /// <summary>A new slot: the trend starts again.</summary>
        public void Clear()
        {
            _points = 0;
            _next = 0;
            _blockSum = 0;
            _blockCount = 0;
            _baseSpan = 0;
            HasTrend = false;
            LifeUsed = 0;
            DegradedInLow = DegradedIn = DegradedInHigh = Unknown;
            FailedInLow = FailedIn = FailedInHigh = Unknown;
            PerDay = 0;
            AtInsertion = 0;
        }

        /// <summary>Days for a number of insertions at the measured pace, or Unknown.</summary>
        public long Days(long insertions)
        {
            if (insertions == Unknown || PerDay <= 0)
            {
                return Unknown;
            }
            return (long)(insertions / PerDay + 0.5);
        }

        double LifeFromRatio(double ratio)
        {
            double rise = (ratio - 1) / (_s.ForecastBounceEndRatio - 1);
            return rise <= 0 ? 0 : System.Math.Pow(rise, 2.0 / 3.0);
        }

        void Compute(long insertion)
        {
            AtInsertion = insertion;
            HasTrend = false;
            if (_points < _s.ForecastMinPoints)
            {
                return;
            }
            double mn = 0, mu = 0;
            for (int i = 0; i < _points; i++)
            {
                mn += _n[i];
                mu += _u[i];
            }
            mn /= _points;
            mu /= _points;
            double sxx = 0, sxy = 0;
            double firstN = double.MaxValue, lastN = 0, firstT = 0, lastT = 0;
            for (int i = 0; i < _points; i++)
            {
                double dx = _n[i] - mn;
                sxx += dx * dx;
                sxy += dx * (_u[i] - mu);
                if (_n[i] < firstN)
                {
                    firstN = _n[i];
                    firstT = _t[i];
                }
                if (_n[i] >= lastN)
                {
                    lastN = _n[i];
                    lastT = _t[i];
                }
            }
            double speed = sxy / sxx;
            double sse = 0;
            for (int i = 0; i < _points; i++)
            {
                double e = _u[i] - (mu + speed * (_n[i] - mn));
                sse += e * e;
            }
            double se = System.Math.Sqrt(sse / (_points - 2) / sxx);
            PerDay = lastT > firstT ? (lastN - firstN) * Time.UsPerDay / (lastT - firstT) : 0;
            LifeUsed = mu + speed * (insertion - mn);
            // A trend is one that stands clear of its own noise.
            if (speed <= 0 || speed < _s.ForecastMinTrendSigmas * se)
            {
                return;
            }
            HasTrend = true;
            double fast = speed + 2 * se;
            double slow = speed - 2 * se;
            double degradedU = LifeFromRatio(_s.ForecastDegradedRatio);
            DegradedInLow = Until(degradedU, fast);
            DegradedIn = Until(degradedU, speed);
            DegradedInHigh = Until(degradedU, slow);
            FailedInLow = Until(_s.ForecastFailLow, fast);
            FailedIn = Until((_s.ForecastFailLow + _s.ForecastFailHigh) / 2, speed);
            FailedInHigh = Until(_s.ForecastFailHigh, slow);
        }

        long Until(double u, double speed)
        {
            if (speed <= 0)
            {
                return Unknown;
            }
            if (u <= LifeUsed)
            {
                return 0;
            }
            return (long)((u - LifeUsed) / speed + 0.5);
        }
    
        public void SaveState(ByteWriter w)
        {
            w.Int(_n.Length);
            for (int i = 0; i < _n.Length; i++)
            {
                w.Double(_n[i]);
                w.Double(_u[i]);
                w.Double(_t[i]);
            }
            w.Int(_points);
            w.Int(_next);
            w.Double(_blockSum);
            w.Int(_blockCount);
            w.Long(_blockFirstN);
            w.Long(_blockFirstT);
            w.Double(_baseSpan);
            w.Bool(HasTrend);
            w.Double(LifeUsed);
            w.Long(DegradedInLow);
            w.Long(DegradedIn);
            w.Long(DegradedInHigh);
            w.Long(FailedInLow);
            w.Long(FailedIn);
            w.Long(FailedInHigh);
            w.Double(PerDay);
            w.Long(AtInsertion);
        }

        public void LoadState(ByteReader r)
        {
            if (r.Int() != _n.Length)
            {
                r.Failed = true;
                return;
            }
            for (int i = 0; i < _n.Length; i++)
            {
                _n[i] = r.Double();
                _u[i] = r.Double();
                _t[i] = r.Double();
            }
            _points = r.IntIn(0, _n.Length);
            _next = r.IntIn(0, _n.Length - 1);
            _blockSum = r.Double();
            _blockCount = r.IntIn(0, _s.ForecastBlock);
            _blockFirstN = r.Long();
            _blockFirstT = r.Long();
            _baseSpan = r.Double();
            HasTrend = r.Bool();
            LifeUsed = r.Double();
            DegradedInLow = r.Long();
            DegradedIn = r.Long();
            DegradedInHigh = r.Long();
            FailedInLow = r.Long();
            FailedIn = r.Long();
            FailedInHigh = r.Long();
            PerDay = r.Double();
            AtInsertion = r.Long();
        }
    }
}
