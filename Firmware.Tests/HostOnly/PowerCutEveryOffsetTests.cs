using System.Linq;
using System.Threading.Tasks;
using PosSlot.Firmware.Tests.Persistence;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>
    /// The acceptance: a power cut at every write offset of a 10,000-insertion life. The
    /// offsets are split over the machine's cores (each core runs the life and tries every n-th byte).
    /// </summary>
    [TestClass]
    public class PowerCutEveryOffsetTests
    {
        [TestMethod]
        public void ACutAtEveryByteOfTenThousandInsertionsRecovers()
        {
            int parts = System.Math.Max(2, System.Environment.ProcessorCount);
            var runs = new PowerCutProbeRun[parts];
            Parallel.For(0, parts, p => runs[p] = PowerCutProbeRun.Of(10000, 21, parts, p));
            long cuts = runs.Sum(r => r.Probe.Cuts);
            long bytes = runs[0].Flash.BytesWritten;
            Assert.AreEqual(bytes, cuts, "one cut per byte written");
            foreach (var r in runs)
            {
                Assert.AreEqual(0L, r.Probe.Failures, r.Probe.FirstFailure);
            }
            Assert.AreEqual(10000L, runs[0].Fw.Counters.BoardInsertions);
            System.Console.WriteLine($"cuts {cuts:N0}, losing the insertion in flight {runs.Sum(r => r.Probe.CutsLosingAnInsertion):N0}, "
                + $"bytes {bytes:N0} ({bytes / 10000.0:F1}/insertion), blocks erased {runs[0].Flash.BlocksErased:N0}, "
                + $"snapshots {runs[0].Fw.Store.SnapshotsWritten} of {runs[0].Fw.Store.SnapshotBytes} bytes");
        }
    }
}
