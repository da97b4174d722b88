using PosSlot.Firmware.Persistence;
namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// An exponentially weighted mean and a running 90th percentile of one measurement, in O(1)
    /// memory. The percentile follows the stochastic-approximation rule q += step * (p - [x &lt;= q]),
    /// with the step scaled to the mean so it works for microseconds and counts alike.
    /// </summary>
    public sealed class RunningEstimate
    {
        const double Quantile = 0.9;

        readonly double _alpha;
        double _mean;
        double _p90;
        long _samples;

        public RunningEstimate(double alpha)
        {
            _alpha = alpha;
        }

        public double Mean { get { return _mean; } }
        public double P90 { get { return _p90; } }
        public long Samples { get { return _samples; } }

        /// <summary>Starts from a known value (the learned baseline) instead of the first sample.</summary>
        public void Start(double mean, double p90)
        {
            _mean = mean;
            _p90 = p90;
            _samples = 0;
        }

        public void Add(double x)
        {
            _samples++;
            _mean += _alpha * (x - _mean);
            double step = _alpha * (_mean > 1.0 ? _mean : 1.0);
            _p90 += x > _p90 ? step * Quantile : -step * (1.0 - Quantile);
        }
    
        public void SaveState(ByteWriter w)
        {
            w.Double(_mean);
            w.Double(_p90);
            w.Long(_samples);
        }

        public void LoadState(ByteReader r)
        {
            _mean = r.Double();
            _p90 = r.Double();
            _samples = r.Long();
        }
    }
}
