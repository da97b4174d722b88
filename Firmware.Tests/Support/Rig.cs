using PosSlot.Firmware.Health;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// A SlotFirmware with a streaming recorder (exact counts and firsts, the last few notable events:
    /// the same few KB however long the run), a fallback line, a seeded generator and a clock.
    /// </summary>
    public sealed class Rig
    {
        public readonly SlotFirmware Fw;
        public readonly EventRecorder Events = EventRecorder.Streaming();
        public readonly FallbackLine Fallback = new FallbackLine();
        public readonly SeededRandom Rnd;
        public long T = 1000000;

        public Rig(int seed)
            : this(seed, new HealthSettings())
        {
        }

        public Rig(int seed, HealthSettings health)
        {
            Fw = new SlotFirmware(new SlotConfig(), health, Fallback, SlotFirmware.DefaultLogCapacity);
            Fw.Core.AddSink(Events);
            Rnd = new SeededRandom(seed);
            HeapProbe.Root(this);
            HeapProbe.Checkpoint(null);
        }

        public void Feed(InsertionShape shape, int count)
        {
            T = InsertionSynth.FeedMany(Fw, T, shape, Rnd, count);
        }

        public long Insertions { get { return Fw.Counters.BoardInsertions; } }
        public int State { get { return Fw.Health.State; } }

        /// <summary>Feeds healthy insertions past the baseline.</summary>
        public void LearnBaseline()
        {
            Feed(InsertionShape.Healthy(), 60);
            Assert.IsTrue(Fw.Health.BaselineReady, "baseline learned");
        }
    }
}
