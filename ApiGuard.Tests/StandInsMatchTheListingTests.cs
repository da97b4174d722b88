using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// The generated stand-ins, read back, give the listing again: every listed public or protected type
/// and member with its signature (the listing's v1 text), and nothing public or protected that is not listed.
/// </summary>
[TestClass]
public class StandInsMatchTheListingTests
{
    static IEnumerable<string> ListedV1(string file) => File.ReadLines(file)
        .Where(l => l.Length > 1 && l[0] != '#')
        .Select(l => l.Contains(" ; ") ? l[..l.IndexOf(" ; ", StringComparison.Ordinal)] : l);

    /// <summary>A method line with its params= token as the listing writes it (the enum member name of a default left out).</summary>
    static IEnumerable<string> ListedWithParams(string file) => File.ReadLines(file)
        .Where(l => l.StartsWith("M ", StringComparison.Ordinal) && l.Contains(" params=", StringComparison.Ordinal))
        .Select(l => l[..l.IndexOf(" ; ", StringComparison.Ordinal)] + " ; " + System.Text.RegularExpressions.Regex.Replace(
            l[(l.IndexOf(" params=", StringComparison.Ordinal) + 1)..].Split(' ')[0], @"(=-?[0-9]+)\([A-Za-z0-9_]+\)", "$1"));

    [TestMethod]
    public void EveryParameterReadsBackWithItsModifiersAndDefault()
    {
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(NanoFramework.ListingDirectory, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var assembly = Path.GetFileNameWithoutExtension(file);
            var expected = ListedWithParams(file).ToHashSet(StringComparer.Ordinal);
            var actual = ListingReader.V1Lines(NanoFramework.StandIns.Image(assembly), withParams: true).Where(l => l.Contains(" ; params=")).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(expected.Except(actual).Select(s => $"{assembly}: listed {s}"));
            problems.AddRange(actual.Except(expected).Select(s => $"{assembly}: declared {s}"));
        }
        Assert.AreEqual(0, problems.Count, "parameters differ from the listing (a generator bug):\n  " + string.Join("\n  ", problems.Take(40)));
    }

    [TestMethod]
    public void EveryStandInReadsBackAsItsListing()
    {
        var problems = new List<string>();
        int lines = 0;
        foreach (var file in Directory.GetFiles(NanoFramework.ListingDirectory, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var assembly = Path.GetFileNameWithoutExtension(file);
            var expected = ListedV1(file).ToHashSet(StringComparer.Ordinal);
            var actual = ListingReader.V1Lines(NanoFramework.StandIns.Image(assembly)).ToHashSet(StringComparer.Ordinal);
            lines += expected.Count;
            problems.AddRange(expected.Except(actual).Select(s => $"{assembly}: listed, not declared: {s}"));
            problems.AddRange(actual.Except(expected).Select(s => $"{assembly}: declared, not listed: {s}"));
        }
        Assert.IsTrue(lines > 3000, "the listing has its ~3,200 lines");
        Assert.AreEqual(0, problems.Count, "the stand-ins differ from the listing (a generator bug):\n  " + string.Join("\n  ", problems.Take(60)));
    }
}
