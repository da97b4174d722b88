using PosSlot.Firmware.Persistence;
namespace PosSlot.Firmware.Health
{
    /// <summary>
    /// The slot's own payment failures over the last insertions, counted in several windows at once:
    /// one bit per insertion (never seated, interrupted, a transaction fallback, or a reader fault)
    /// in a ring as long as the longest window, and a running count per window. A short window
    /// with a high line catches a slot that fails fast; a long window with a low line the slow
    /// wear of a whole life, precisely. O(1) per insertion, no allocation after construction.
    /// Windows and lines, and why: HealthSettings and docs/health.md.
    /// </summary>
    public sealed class FailureWindows
    {
        readonly int[] _windows;
        readonly double[] _lines;
        readonly uint[] _ring;
        readonly int[] _counts;
        readonly int _length;
        long _seen;

        public FailureWindows(int[] windows, double[] lines)
        {
            if (windows == null || lines == null || windows.Length != lines.Length || windows.Length == 0)
            {
                throw new System.ArgumentException("one line per failure window");
            }
            int longest = 0;
            for (int i = 0; i < windows.Length; i++)
            {
                if (windows[i] <= 0)
                {
                    throw new System.ArgumentException("failure windows must be positive");
                }
                longest = windows[i] > longest ? windows[i] : longest;
            }
            _windows = windows;
            _lines = lines;
            _ring = new uint[(longest + 31) / 32];
            _length = _ring.Length * 32;
            _counts = new int[windows.Length];
        }

        /// <summary>Insertions seen since the last Clear.</summary>
        public long Seen { get { return _seen; } }

        public int WindowCount { get { return _windows.Length; } }
        public int Window(int i) { return _windows[i]; }

        /// <summary>Failures in window i (a window not yet full counts its missing insertions as good).</summary>
        public int Failures(int i) { return _counts[i]; }

        /// <summary>Failures over window i's length: the rate it judges.</summary>
        public double Rate(int i) { return (double)_counts[i] / _windows[i]; }

        /// <summary>Adds one insertion, failed or not.</summary>
        public void Add(bool failed)
        {
            int pos = (int)(_seen % _length);
            for (int i = 0; i < _windows.Length; i++)
            {
                if (_seen >= _windows[i] && Bit((int)((_seen - _windows[i]) % _length)))
                {
                    _counts[i]--;
                }
            }
            uint mask = 1u << (pos & 31);
            if (failed)
            {
                _ring[pos >> 5] |= mask;
                for (int i = 0; i < _counts.Length; i++)
                {
                    _counts[i]++;
                }
            }
            else
            {
                _ring[pos >> 5] &= ~mask;
            }
            _seen++;
        }

        /// <summary>
        /// How far window i's rate stands above the rate of the older part of window j (j longer):
        /// a failure rate climbing fast, which a slow wear never shows.
        /// </summary>
        public double RiseOver(int i, int j)
        {
            double older = (double)(_counts[j] - _counts[i]) / (_windows[j] - _windows[i]);
            return Rate(i) - older;
        }

        /// <summary>The first window whose rate has reached its line, or -1.</summary>
        public int Tripped()
        {
            for (int i = 0; i < _windows.Length; i++)
            {
                if (_counts[i] >= _lines[i] * _windows[i])
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>A new slot, or proof after a cleaning: the evidence starts again.</summary>
        public void Clear()
        {
            for (int i = 0; i < _ring.Length; i++)
            {
                _ring[i] = 0;
            }
            for (int i = 0; i < _counts.Length; i++)
            {
                _counts[i] = 0;
            }
            _seen = 0;
        }

        bool Bit(int pos)
        {
            return (_ring[pos >> 5] & (1u << (pos & 31))) != 0;
        }
    
        public void SaveState(ByteWriter w)
        {
            w.Int(_ring.Length);
            for (int i = 0; i < _ring.Length; i++)
            {
                w.UInt(_ring[i]);
            }
            for (int i = 0; i < _counts.Length; i++)
            {
                w.Int(_counts[i]);
            }
            w.Long(_seen);
        }

        /// <summary>Restores the windows; a record made with other window lengths fails the reader.</summary>
        public void LoadState(ByteReader r)
        {
            if (r.Int() != _ring.Length)
            {
                r.Failed = true;
                return;
            }
            for (int i = 0; i < _ring.Length; i++)
            {
                _ring[i] = r.UInt();
            }
            for (int i = 0; i < _counts.Length; i++)
            {
                _counts[i] = r.IntIn(0, _windows[i]);
            }
            _seen = r.Long();
        }
    }
}
