using System.Collections.Generic;
using System.Linq;

namespace PosSlot.ApiGuard.Tests;

/// <summary>The guard can fail: each snippet breaks one nanoFramework rule and must be named.</summary>
[TestClass]
public class GuardCatchesViolationsTests
{
    /// <summary>A tiny listing, so these tests hold with or without ../shared.</summary>
    static readonly NanoApiListing Listing = NanoApiListing.FromLines(new[]
    {
        "T class System.Object",
        "M System.Object::.ctor() : System.Void",
        "T class System.ValueType : System.Object",
        "T class System.String : System.Object",
        "M System.String::Concat(System.String,System.String) : System.String static",
        "M System.Int32::ToString() : System.String",
        "T struct System.Int32 : System.ValueType",
        "T struct System.Int64 : System.ValueType",
        "T struct System.Void : System.ValueType",
        "T struct System.Boolean : System.ValueType",
        "T class System.Collections.ArrayList : System.Object",
        "M System.Collections.ArrayList::.ctor() : System.Void",
        "M System.Collections.ArrayList::Add(System.Object) : System.Int32",
    });

    static IReadOnlyList<Violation> Check(string source, NanoApiListing? listing)
    {
        using var assembly = SnippetCompiler.Compile(source);
        return new FirmwareAssemblyChecker(listing).Check(assembly);
    }

    static void AssertNamed(IReadOnlyList<Violation> found, string used, string usedBy)
    {
        var text = string.Join("\n", found);
        Assert.IsTrue(found.Any(v => v.Used.Contains(used) && v.UsedBy.Contains(usedBy)),
            $"expected a violation naming {used} used by {usedBy}; found:\n{text}");
    }

    [TestMethod]
    public void CleanFirmwareStyleCodePasses()
    {
        var found = Check("""
            namespace Fw {
              public class Counter {
                System.Collections.ArrayList _items = new System.Collections.ArrayList();
                public string Add(int x) { _items.Add(x); return string.Concat("n=", x.ToString()); }
              }
            }
            """, Listing);
        Assert.AreEqual(0, found.Count, string.Join("\n", found));
    }

    [TestMethod]
    public void ConstantArrayInitializersAreAllowed()
    {
        // They compile to RuntimeHelpers.InitializeArray, which nanoFramework's mscorlib has.
        var found = Check("namespace Fw { public class Table { public static long[] Rows() { return new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }; } } }", null);
        Assert.AreEqual(0, found.Count, string.Join("\n", found));
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void GenericListIsNamedWithTheTypeThatUsesIt(bool withListing)
    {
        var found = Check("""
            namespace Fw { public class Keeper { public int Keep() { var l = new System.Collections.Generic.List<int>(); l.Add(1); return l.Count; } } }
            """, withListing ? Listing : null);
        AssertNamed(found, "System.Collections.Generic.List`1", "Fw.Keeper.Keep");
    }

    [TestMethod]
    public void LinqCallIsNamedEvenWithoutAListing()
    {
        var found = Check("""
            using System.Linq;
            namespace Fw { public class Scan { public bool Any(int[] xs) { return xs.Any(); } } }
            """, null);
        AssertNamed(found, "System.Linq.Enumerable", "Fw.Scan.Any");
    }

    [TestMethod]
    public void GenericMethodDefinitionIsNamed()
    {
        var found = Check("namespace Fw { public static class Util { public static T Same<T>(T x) { return x; } } }", null);
        AssertNamed(found, "Fw.Util.Same", "Fw.Util.Same");
    }

    [TestMethod]
    public void GenericTypeDefinitionIsNamed()
    {
        var found = Check("namespace Fw { public class Box<T> { public T Value; } }", null);
        AssertNamed(found, "Fw.Box`1", "Fw.Box`1");
    }

    [TestMethod]
    public void AsyncMethodIsNamed()
    {
        var found = Check("namespace Fw { public class Io { public async System.Threading.Tasks.Task Go() { await System.Threading.Tasks.Task.Yield(); } } }", null);
        AssertNamed(found, "System.Threading.Tasks.Task", "Fw.Io");
    }

    [TestMethod]
    public void StringInterpolationHandlerIsNamed()
    {
        var found = Check("namespace Fw { public class Say { public string Hi(int n) { return $\"n={n}\"; } } }", null);
        AssertNamed(found, "DefaultInterpolatedStringHandler", "Fw.Say.Hi");
    }

    [TestMethod]
    public void SpanIsNamed()
    {
        var found = Check("namespace Fw { public class Buf { public int Sum() { System.Span<int> s = stackalloc int[4]; return s[0]; } } }", null);
        AssertNamed(found, "System.Span`1", "Fw.Buf.Sum");
    }

    [TestMethod]
    public void MemberMissingFromTheListingIsNamed()
    {
        var found = Check("namespace Fw { public class Names { public string Both(string[] parts) { return string.Join(\",\", parts); } } }", Listing);
        AssertNamed(found, "System.String::Join", "Fw.Names.Both");
    }

    [TestMethod]
    public void TypeMissingFromTheListingIsNamed()
    {
        var found = Check("namespace Fw { public class Clock { public long Ticks() { return System.DateTime.Now.Ticks; } } }", Listing);
        AssertNamed(found, "System.DateTime", "Fw.Clock.Ticks");
    }

    [TestMethod]
    public void MappedTypesAreNotCheckedButEverythingElseIs()
    {
        // NFUnitTest references the firmware's own types, which the firmware's check covers.
        using var assembly = SnippetCompiler.Compile("""
            namespace PosSlot.Firmware { public static class Core { public static void Run() { } } }
            namespace Fw { public class T1 { public void Check() { PosSlot.Firmware.Core.Run(); var l = new System.Collections.Generic.List<int>(); } } }
            """);
        var found = new FirmwareAssemblyChecker(Listing, new[] { "PosSlot.Firmware." }).Check(assembly);
        Assert.IsFalse(found.Any(v => v.Used.StartsWith("PosSlot.Firmware.", System.StringComparison.Ordinal)), string.Join("\n", found));
        Assert.IsTrue(found.Any(v => v.Used.Contains("List`1") && v.UsedBy == "Fw.T1.Check"), string.Join("\n", found));
    }
}
