using System.Linq;
using PosSlot.Firmware.Device.Boards;
using PosSlot.Host.Boards;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Boards;

/// <summary>The pin maps compiled into the image (BoardConfig) say what boards/*.json say.</summary>
[TestClass]
public class CompiledBoardConfigTests
{
    static int Pull(string pull) => pull switch { "up" => BoardConfig.PullUp, "down" => BoardConfig.PullDown, _ => BoardConfig.PullNone };

    [TestMethod]
    public void EveryBoardFileHasAMatchingCompiledConfig()
    {
        var files = BoardCatalog.Files(RepoPaths.Path("boards")).Select(BoardFile.Load).ToList();
        Assert.AreEqual(files.Count, BoardConfig.All().Length, "one compiled config per board file");
        foreach (var f in files)
        {
            var c = BoardConfig.All().SingleOrDefault(b => b.Name == f.Name);
            Assert.IsNotNull(c, $"no BoardConfig for {f.Name}");
            var p = f.Pins;
            Assert.AreEqual(p.Detect.Gpio, c.DetectPin, f.Name);
            Assert.AreEqual(p.Detect.Active == "low", c.DetectActiveLow, f.Name);
            Assert.AreEqual(Pull(p.Detect.Pull), c.DetectPull, f.Name);
            Assert.AreEqual(p.Contact.Gpio, c.ContactPin, f.Name);
            Assert.AreEqual(p.Contact.Active == "low", c.ContactActiveLow, f.Name);
            Assert.AreEqual(Pull(p.Contact.Pull), c.ContactPull, f.Name);
            Assert.AreEqual(p.ReaderFault?.Gpio ?? BoardConfig.NoPin, c.ReaderFaultPin, f.Name);
            if (p.ReaderFault != null)
            {
                Assert.AreEqual(p.ReaderFault.Active == "low", c.ReaderFaultActiveLow, f.Name);
                Assert.AreEqual(Pull(p.ReaderFault.Pull), c.ReaderFaultPull, f.Name);
            }
            Assert.AreEqual(p.FallbackEnable.Gpio, c.FallbackPin, f.Name);
            Assert.AreEqual(p.FallbackEnable.Active == "high", c.FallbackActiveHigh, f.Name);
            Assert.AreEqual(p.Led?.Gpio ?? BoardConfig.NoPin, c.LedPin, f.Name);
            if (p.Led != null)
            {
                Assert.AreEqual(p.Led.Active == "low", c.LedActiveLow, f.Name);
            }
            Assert.AreEqual(p.ConsoleTx.Gpio, c.ConsoleTxPin, f.Name);
            Assert.AreEqual(p.ConsoleRx.Gpio, c.ConsoleRxPin, f.Name);
            Assert.AreEqual(f.RmtRxChannels.Detect, c.RmtDetectChannel, f.Name);
            Assert.AreEqual(f.RmtRxChannels.Contact, c.RmtContactChannel, f.Name);
            Assert.AreEqual(f.RatedCycles, c.RatedCycles, f.Name);
        }
    }
}
