using PosSlot.Firmware.Tests.Health;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>
    /// Host-only for its length, not its APIs: 100,000 insertions (~2 million edges) take seconds
    /// here and hours on the nanoFramework interpreter. The single-source variant runs 2,000.
    /// </summary>
    [TestClass]
    public class HealthySlotSoakTests
    {
        [TestMethod]
        public void HealthySlotRunsOneHundredThousandInsertionsWithoutAFlag()
        {
            HealthySlotTests.RunsWithoutAFlag(11, 100000);
        }
    }
}
