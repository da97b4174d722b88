using System;
using System.IO;
using System.Linq;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// Firmware.Tests is single-source: it must also build for nanoFramework.TestFramework. MSTest's
/// own types map to nanoFramework.TestFramework's there, so they are not checked; HostOnly/ is
/// not built for the board. Everything else obeys the same rules as the firmware.
/// </summary>
[TestClass]
public class FirmwareTestsApiTests
{
    /// <summary>MSTest maps to nanoFramework.TestFramework; PosSlot.Firmware is the core, guarded on its own.</summary>
    public static readonly string[] MappedToTestFramework = { "Microsoft.VisualStudio.TestTools.UnitTesting.", "PosSlot.Firmware." };

    /// <summary>
    /// MSTest 4 declares IsTrue/IsFalse(bool?), so the host compiler wraps every condition in
    /// Nullable&lt;bool&gt;; nanoFramework.TestFramework's take bool, and the wrapping does not exist there.
    /// </summary>
    static readonly string[] MsTestArtifacts = { "System.Nullable`1", "System.Nullable`1<System.Boolean>" };
    public static readonly string[] HostOnly = { "PosSlot.Firmware.Tests.HostOnly." };

    [TestMethod]
    public void FirmwareTestsUseOnlyNanoFrameworkApi()
    {
        var listingDir = NanoApiListing.Locate(AppContext.BaseDirectory);
        var listing = listingDir == null ? null : NanoApiListing.Load(listingDir);
        var assembly = Path.Combine(AppContext.BaseDirectory, "PosSlot.Firmware.Tests.dll");
        Assert.IsTrue(File.Exists(assembly), "the firmware tests were built beside this test");
        var found = new FirmwareAssemblyChecker(listing, MappedToTestFramework, HostOnly).Check(assembly)
            .Where(v => !MsTestArtifacts.Contains(v.Used)).ToList();
        Assert.AreEqual(0, found.Count, "Firmware.Tests uses what nanoFramework 1.x cannot run:\n" + string.Join("\n", found.Select(v => "  " + v)));
    }

    [TestMethod]
    public void MappedTypesAreNotCheckedButEverythingElseIs()
    {
        using var assembly = SnippetCompiler.Compile("""
            namespace Microsoft.VisualStudio.TestTools.UnitTesting { public static class Assert { public static void AreEqual<T>(T a, T b) { } } }
            namespace Fw { public class T1 { public void Check() { Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(1L, 2L); var l = new System.Collections.Generic.List<int>(); } } }
            """);
        var found = new FirmwareAssemblyChecker(null, MappedToTestFramework).Check(assembly);
        Assert.IsFalse(found.Any(v => v.UsedBy.StartsWith("Fw.", StringComparison.Ordinal) && v.Used.Contains("Assert")), string.Join("\n", found));
        Assert.IsTrue(found.Any(v => v.Used.Contains("List`1") && v.UsedBy == "Fw.T1.Check"), string.Join("\n", found));
    }
}
