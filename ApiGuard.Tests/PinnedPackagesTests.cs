using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// README's "Pinned packages" table is the one list of nanoFramework packages and versions: both
/// packages.config files and every HintPath in the .nfproj files pin exactly what it shows, no more, no less
/// (nanoCLR resolves references by major.minor, so a package left behind can fail to load on a board).
/// </summary>
[TestClass]
public class PinnedPackagesTests
{
    static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";
    static readonly string[] Configs = ["Firmware/packages.config", "Firmware.Tests/packages.config"];
    static readonly string[] Projects = ["Firmware/PosSlot.Firmware.nfproj", "Firmware.Tests/PosSlot.Firmware.Tests.nfproj"];

    /// <summary>"id version" for each row of the table that follows README's "Pinned packages" line.</summary>
    public static HashSet<string> ReadmeTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot.Path, "README.md"));
        int start = Array.FindIndex(lines, l => l.StartsWith("Pinned packages", StringComparison.Ordinal));
        Assert.IsTrue(start >= 0, "README has no line starting 'Pinned packages'");
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.IsTrue(rows.Count > 2 && rows[0].Replace(" ", "") == "|package|version|", "the table after 'Pinned packages' has the columns | package | version |");
        return rows.Skip(2).Select(r => r.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(c => c[0].Trim('`') + " " + c[1]).ToHashSet(StringComparer.Ordinal);
    }

    static IEnumerable<string> Pinned(string config) => XDocument.Load(Path.Combine(RepoRoot.Path, config)).Descendants("package")
        .Select(p => p.Attribute("id")!.Value + " " + p.Attribute("version")!.Value);

    /// <summary>The package folder each HintPath names (packages\ID.VERSION\lib\...), as "ID VERSION" where the table knows it.</summary>
    static IEnumerable<string> Hinted(string project, HashSet<string> table) => XDocument.Load(Path.Combine(RepoRoot.Path, project)).Descendants(Ms + "HintPath")
        .Select(h => Regex.Match(h.Value, @"packages\\([^\\]+)\\").Groups[1].Value)
        .Select(folder => table.FirstOrDefault(row => row.Replace(' ', '.') == folder) ?? folder + " (no such row)");

    static void AssertSameSet(HashSet<string> table, IEnumerable<string> used, string what)
    {
        var set = used.ToHashSet(StringComparer.Ordinal);
        var missing = table.Except(set).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var extra = set.Except(table).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.IsTrue(missing.Count == 0 && extra.Count == 0,
            $"{what} and README's pinned-packages table differ: in the table only: {string.Join(", ", missing)}; in {what} only: {string.Join(", ", extra)}");
    }

    [TestMethod]
    public void PackagesConfigPinsExactlyTheReadmeTable()
    {
        AssertSameSet(ReadmeTable(), Configs.SelectMany(Pinned), "packages.config");
    }

    [TestMethod]
    public void EveryHintPathIsARowOfTheReadmeTable()
    {
        var table = ReadmeTable();
        AssertSameSet(table, Projects.SelectMany(p => Hinted(p, table)), "the .nfproj HintPaths");
    }

    [TestMethod]
    public void NoPackageIsPinnedTwiceAtDifferentVersions()
    {
        var ids = ReadmeTable().Select(r => r.Split(' ')[0]).ToList();
        Assert.AreEqual(ids.Count, ids.Distinct(StringComparer.Ordinal).Count(), string.Join(", ", ids));
    }
}
