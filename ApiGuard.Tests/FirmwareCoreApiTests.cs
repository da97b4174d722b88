using System;
using System.IO;
using System.Linq;
using PosSlot.Firmware;

namespace PosSlot.ApiGuard.Tests;

/// <summary>The firmware core, as compiled, uses only what nanoFramework 1.x has.</summary>
[TestClass]
public class FirmwareCoreApiTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void FirmwareCoreUsesOnlyNanoFrameworkApi()
    {
        var listingDir = NanoApiListing.Locate(AppContext.BaseDirectory);
        NanoApiListing? listing = null;
        if (listingDir == null)
        {
            TestContext.WriteLine("nanoFramework API listing not found (no ../shared/nanoframework-api beside the repo, "
                + "POSSLOT_NANO_API unset): checking generics and the built-in deny list only.");
        }
        else
        {
            listing = NanoApiListing.Load(listingDir);
            TestContext.WriteLine($"nanoFramework API listing: {listing.Assemblies.Count} assemblies, {listing.TypeCount} types, from {listingDir}");
        }
        var assembly = typeof(SlotCore).Assembly.Location;
        var found = new FirmwareAssemblyChecker(listing).Check(assembly);
        Assert.AreEqual(0, found.Count,
            $"{Path.GetFileName(assembly)} uses what nanoFramework 1.x cannot run:\n" + string.Join("\n", found.Select(v => "  " + v)));
    }
}
