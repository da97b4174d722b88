using System;
using System.IO;
using System.Linq;
using PosSlot.ApiGuard.StandIns;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// The nanoFramework side of the guard: the listing (../shared/nanoframework-api or POSSLOT_NANO_API),
/// the stand-in reference assemblies generated from it (built once per test run), and the two .nfproj files.
/// </summary>
static class NanoFramework
{
    static readonly Lazy<StandInSet> Built = new(() => StandInSet.Build(ListingDirectory));

    public static string ListingDirectory => NanoApiListing.Locate(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("nanoFramework API listing not found: the nanoFramework build can only be checked against "
            + "../shared/nanoframework-api beside the repository, or a copy named by POSSLOT_NANO_API");

    public static StandInSet StandIns => Built.Value;

    public static NanoProject Firmware => NanoProject.Load(Path.Combine(RepoRoot.Path, "Firmware", "PosSlot.Firmware.nfproj"));

    public static NanoProject Tests => NanoProject.Load(Path.Combine(RepoRoot.Path, "Firmware.Tests", "PosSlot.Firmware.Tests.nfproj"));

    /// <summary>The guard's verdict on a compile: fails naming every error with its file and line.</summary>
    public static void AssertCompiles(NanoCompileResult result, string what)
    {
        Assert.IsTrue(result.Errors.Count == 0 && result.Image != null,
            $"{what} does not compile for nanoFramework ({result.Errors.Count} errors):\n  " + string.Join("\n  ", result.Errors));
    }

    /// <summary>The guard's verdict on the single-source rules the compiler cannot see.</summary>
    public static void AssertNoNulInStrings(NanoProject project, params (string Path, string Text)[] extra)
    {
        var trees = project.Sources.Select(p => (Path: p, Text: File.ReadAllText(p)))
            .Concat(extra.Select(e => (Path: Path.Combine(RepoRoot.Path, e.Path), e.Text)))
            .Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(f.Text, path: f.Path));
        var found = NulInStringRule.Find(trees, RepoRoot.Path);
        Assert.AreEqual(0, found.Count, $"{Path.GetFileName(project.Path)} has strings that end early on nanoFramework:\n  " + string.Join("\n  ", found));
    }
}
