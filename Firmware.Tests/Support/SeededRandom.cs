namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// A small seeded generator (SplitMix64) for single-source tests. System.Random gives a
    /// different sequence on nanoFramework for the same seed; this gives the same numbers on both.
    /// Method names match System.Random's so a test reads the same either way.
    /// </summary>
    public sealed class SeededRandom
    {
        ulong _state;

        public SeededRandom(int seed)
        {
            _state = (ulong)(long)seed;
        }

        /// <summary>The next 64 raw bits.</summary>
        public ulong NextBits()
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A value in [0, int.MaxValue).</summary>
        public int Next()
        {
            return (int)(NextBits() >> 33);
        }

        /// <summary>A value in [0, maxExclusive); 0 when maxExclusive is 0 or less.</summary>
        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                return 0;
            }
            // Multiply-shift on the top 32 bits: no modulo bias worth a test's notice, no division.
            return (int)(((NextBits() >> 32) * (ulong)maxExclusive) >> 32);
        }

        /// <summary>A value in [minInclusive, maxExclusive).</summary>
        public int Next(int minInclusive, int maxExclusive)
        {
            return minInclusive + Next(maxExclusive - minInclusive);
        }

        /// <summary>A value in [0, 1).</summary>
        public double NextDouble()
        {
            return (NextBits() >> 11) * (1.0 / 9007199254740992.0);
        }
    }
}
