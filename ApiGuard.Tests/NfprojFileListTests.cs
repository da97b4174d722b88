using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// The nanoFramework projects (.nfproj, which the host cannot build) list exactly the sources the host
/// projects compile: every core and device file for the image, every single-source test for NFUnitTest.
/// Each HintPath names a package that packages.config pins.
/// </summary>
[TestClass]
public class NfprojFileListTests
{
    static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";

    static string[] Listed(string nfproj) => XDocument.Load(nfproj).Descendants(Ms + "Compile")
        .Select(c => c.Attribute("Include")!.Value.Replace('\\', '/')).OrderBy(s => s, StringComparer.Ordinal).ToArray();

    static string[] OnDisk(string projectDir, params string[] skip) => Directory.GetFiles(projectDir, "*.cs", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(projectDir, f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/") && !skip.Any(s => f.StartsWith(s)))
        .OrderBy(s => s, StringComparer.Ordinal).ToArray();

    static void AssertSame(string[] expected, string[] listed, string what)
    {
        var missing = expected.Except(listed).ToList();
        var extra = listed.Except(expected).ToList();
        Assert.IsTrue(missing.Count == 0 && extra.Count == 0,
            $"{what}: missing {string.Join(", ", missing)}; listed but not there {string.Join(", ", extra)}");
    }

    [TestMethod]
    public void TheFirmwareImageListsEveryCoreAndDeviceSource()
    {
        var dir = Path.Combine(RepoRoot.Path, "Firmware");
        AssertSame(OnDisk(dir), Listed(Path.Combine(dir, "PosSlot.Firmware.nfproj")), "PosSlot.Firmware.nfproj");
    }

    [TestMethod]
    public void NfUnitTestListsEverySingleSourceTestAndNoHostOnlyOne()
    {
        var dir = Path.Combine(RepoRoot.Path, "Firmware.Tests");
        var listed = Listed(Path.Combine(dir, "PosSlot.Firmware.Tests.nfproj"));
        AssertSame(OnDisk(dir, "HostOnly/"), listed, "PosSlot.Firmware.Tests.nfproj");
        Assert.IsFalse(listed.Any(f => f.StartsWith("HostOnly/")));
        var doc = XDocument.Load(Path.Combine(dir, "PosSlot.Firmware.Tests.nfproj"));
        Assert.AreEqual("NFUnitTest", doc.Descendants(Ms + "AssemblyName").Single().Value, "the nanoFramework test adapter looks for NFUnitTest");
        Assert.IsTrue(File.Exists(Path.Combine(dir, "nano.runsettings")));
    }

    [TestMethod]
    public void EveryReferenceIsAPinnedPackage()
    {
        foreach (var (proj, config) in new[] { ("Firmware/PosSlot.Firmware.nfproj", "Firmware/packages.config"), ("Firmware.Tests/PosSlot.Firmware.Tests.nfproj", "Firmware.Tests/packages.config") })
        {
            var pinned = XDocument.Load(Path.Combine(RepoRoot.Path, config)).Descendants("package")
                .Select(p => p.Attribute("id")!.Value + "." + p.Attribute("version")!.Value).ToHashSet();
            var hints = XDocument.Load(Path.Combine(RepoRoot.Path, proj)).Descendants(Ms + "HintPath").Select(h => h.Value).ToList();
            Assert.IsTrue(hints.Count > 0, proj);
            foreach (var hint in hints)
            {
                var package = Regex.Match(hint, @"packages\\([^\\]+)\\").Groups[1].Value;
                Assert.IsTrue(pinned.Contains(package), $"{proj}: {hint} is not pinned in {config}");
            }
            Assert.AreEqual(pinned.Count, hints.Count, $"{proj}: every pinned package is referenced once");
        }
    }
}
