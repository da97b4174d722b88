namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// A growable table of (t_us, line, level) triples in time order, and the same table as a
    /// sampling board would see it: each line read every 1e6/rate µs, so an edge lands on the next
    /// sample and a pulse that falls between two samples vanishes.
    /// </summary>
    public sealed class EdgeTable
    {
        long[] _items = new long[96];
        int _count;

        public int Count { get { return _count / 3; } }

        public long TimeAt(int i) { return _items[3 * i]; }
        public int LineAt(int i) { return (int)_items[3 * i + 1]; }
        public int LevelAt(int i) { return (int)_items[3 * i + 2]; }

        /// <summary>Adds an edge; edges must come in time order (ties keep their order).</summary>
        public void Add(long tUs, int line, int level)
        {
            if (_count + 3 > _items.Length)
            {
                long[] bigger = new long[_items.Length * 2];
                System.Array.Copy(_items, bigger, _count);
                _items = bigger;
            }
            _items[_count++] = tUs;
            _items[_count++] = line;
            _items[_count++] = level;
        }

        public long[] ToArray()
        {
            long[] a = new long[_count];
            System.Array.Copy(_items, a, _count);
            return a;
        }

        /// <summary>The table as seen by sampling each line at rateHz (both lines sampled together).</summary>
        public EdgeTable Sampled(long rateHz)
        {
            EdgeTable result = new EdgeTable();
            int[] level = new int[2];
            int i = 0;
            while (i < Count)
            {
                long sampleUs = NextSampleAtOrAfter(TimeAt(i), rateHz);
                // Every edge up to this sample is folded into the level the sample reads.
                int[] seen = new int[] { level[0], level[1] };
                int firstLine = -1;
                while (i < Count && TimeAt(i) <= sampleUs)
                {
                    if (firstLine < 0)
                    {
                        firstLine = LineAt(i);
                    }
                    seen[LineAt(i)] = LevelAt(i);
                    i++;
                }
                // Keep the physical order of the first line touched when both change on one sample.
                int other = 1 - firstLine;
                AddIfChanged(result, sampleUs, firstLine, seen, level);
                AddIfChanged(result, sampleUs, other, seen, level);
            }
            return result;
        }

        static void AddIfChanged(EdgeTable result, long sampleUs, int line, int[] seen, int[] level)
        {
            if (seen[line] != level[line])
            {
                level[line] = seen[line];
                result.Add(sampleUs, line, seen[line]);
            }
        }

        /// <summary>Sample n is taken at n * 1e6 / rate µs (as SampleEdgeExtractor stamps it).</summary>
        public static long NextSampleAtOrAfter(long tUs, long rateHz)
        {
            long n = (tUs * rateHz + Time.UsPerSecond - 1) / Time.UsPerSecond;
            return n * Time.UsPerSecond / rateHz;
        }
    }
}
