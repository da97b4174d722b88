using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>
    /// A seeded slice of the console fuzz (the million-line run is `Benchmarks -- --console-fuzz`):
    /// nothing escapes, and no destructive command runs unless its request was intact and authenticated.
    /// </summary>
    [TestClass]
    public class ConsoleFuzzTests
    {
        [TestMethod]
        public void DamagedAndRandomTrafficNeverRunsADestructiveCommand()
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                ConsoleFuzzer fuzz = new ConsoleFuzzer(seed);
                fuzz.Run(3000);
                Assert.IsNull(fuzz.Broken, "seed " + seed.ToString() + ": " + fuzz.Broken);
                // The run must exercise both sides of the rule, or it proves nothing.
                Assert.IsTrue(fuzz.Damaged > 500, "damaged requests: " + fuzz.Damaged.ToString());
                Assert.IsTrue(fuzz.Logins > 10, "logins: " + fuzz.Logins.ToString());
                Assert.IsTrue(fuzz.DestructiveIntactAuthed > 10, "destructive runs: " + fuzz.DestructiveIntactAuthed.ToString());
                Assert.IsTrue(fuzz.DestructiveRefused > 10, "refusals: " + fuzz.DestructiveRefused.ToString());
                Assert.IsTrue(fuzz.Rig.Console.CrcErrors > 100);
            }
        }
    }
}
