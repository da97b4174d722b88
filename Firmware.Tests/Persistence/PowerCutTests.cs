using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Persistence
{
    /// <summary>
    /// A power cut at every byte of the store's writes over a slot's eventful life: every boot
    /// recovers, the count is within one of the firmware's before the cut, health is never better
    /// and fallback never released. (HostOnly runs the same over 10,000 insertions.)
    /// </summary>
    [TestClass]
    public class PowerCutTests
    {
        [TestMethod]
        public void ACutAtEveryByteOfAShortLifeRecovers()
        {
            PowerCutProbeRun run = PowerCutProbeRun.Of(400, 11, 1, 0);
            Assert.AreEqual(0L, run.Probe.Failures, run.Probe.FirstFailure);
            Assert.IsTrue(run.Probe.Cuts > 10000, "cuts tried: " + run.Probe.Cuts);
            Assert.IsTrue(run.Probe.CutsLosingAnInsertion > 0, "some cuts hit an insertion in flight");
            System.Console.WriteLine("cuts " + run.Probe.Cuts + ", losing one " + run.Probe.CutsLosingAnInsertion + ", bytes " + run.Flash.BytesWritten + ", erased " + run.Flash.BlocksErased);
        }
    }

    /// <summary>One LifeScript run on a provisioned drive behind a PowerCutProbe.</summary>
    public sealed class PowerCutProbeRun
    {
        public PowerCutProbe Probe;
        public SimulatedFlash Flash;
        public SlotFirmware Fw;

        public static PowerCutProbeRun Of(int insertions, int seed, int step, int phase)
        {
            PowerCutProbeRun run = new PowerCutProbeRun();
            run.Flash = SimulatedFlash.Board();
            run.Flash.Provision();
            StoreSettings settings = new StoreSettings();
            run.Probe = new PowerCutProbe(run.Flash, settings, step, phase);
            run.Fw = new SlotFirmware(new SlotConfig(), new HealthSettings(), new FallbackLine(), SlotFirmware.DefaultLogCapacity);
            run.Fw.AttachStore(run.Probe, settings, 0);
            run.Probe.Live = run.Fw;
            LifeScript script = new LifeScript(insertions, seed);
            for (int n = 1; n <= insertions; n++)
            {
                script.Step(run.Fw, n);
            }
            return run;
        }
    }
}
