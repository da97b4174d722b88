using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PosSlot.ApiGuard.StandIns;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// The firmware (each board) and the single-source tests compile as their .nfproj files compile them,
/// against reference assemblies generated from nanoFramework's listing: member lookup, overload
/// resolution and the test framework's surface are nanoFramework's. The compiled result is then
/// checked for what compiles but cannot run on nanoFramework 1.x (generics, denied APIs).
/// </summary>
[TestClass]
public class NanoFrameworkBuildTests
{
    public static IEnumerable<object[]> Boards => Directory.GetFiles(Path.Combine(RepoRoot.Path, "boards"), "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)).Where(n => !n.EndsWith(".schema", StringComparison.Ordinal))
        .OrderBy(n => n, StringComparer.Ordinal).Select(n => new object[] { n });

    static void AssertRunsOnNanoFramework(byte[] image, string what)
    {
        var listing = NanoApiListing.Load(NanoFramework.ListingDirectory);
        using var stream = new MemoryStream(image);
        // PosSlot.Firmware: the tests' reference to the firmware itself, checked on its own.
        var found = new FirmwareAssemblyChecker(listing, ["PosSlot.Firmware."]).Check(stream);
        Assert.AreEqual(0, found.Count, $"{what} uses what nanoFramework 1.x cannot run:\n  " + string.Join("\n  ", found));
    }

    [TestMethod]
    [DynamicData(nameof(Boards))]
    public void TheFirmwareCompilesForNanoFrameworkOnEachBoard(string board)
    {
        var firmware = NanoFramework.Firmware;
        Assert.IsTrue(firmware.NamedBoards.Contains(board),
            $"PosSlot.Firmware.nfproj has no Board condition for boards/{board}.json: its build would compile the default pin map");
        var result = NanoCompiler.Compile(firmware, NanoFramework.StandIns, RepoRoot.Path, board);
        NanoFramework.AssertCompiles(result, $"PosSlot.Firmware.nfproj (Board={board})");
        AssertRunsOnNanoFramework(result.Image!, $"PosSlot.Firmware (Board={board})");
    }

    [TestMethod]
    public void TheSingleSourceTestsCompileForNanoFrameworkTestFramework()
    {
        var result = NanoCompiler.Compile(NanoFramework.Tests, NanoFramework.StandIns, RepoRoot.Path);
        NanoFramework.AssertCompiles(result, "PosSlot.Firmware.Tests.nfproj (NFUnitTest)");
        AssertRunsOnNanoFramework(result.Image!, "NFUnitTest");
    }

    [TestMethod]
    public void NoSingleSourceStringHoldsU0000()
    {
        NanoFramework.AssertNoNulInStrings(NanoFramework.Firmware);
        NanoFramework.AssertNoNulInStrings(NanoFramework.Tests);
    }
}
