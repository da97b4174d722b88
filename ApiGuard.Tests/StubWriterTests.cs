using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PosSlot.ApiGuard.StandIns;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// What the generator writes for what the listing cannot show, on a tiny core library (so these hold
/// without ../shared): an interface implemented privately, a class with no public constructor, a base
/// class with only a constructor that takes arguments, and defaults that decide overload resolution.
/// </summary>
[TestClass]
public class StubWriterTests
{
    static readonly string[] TinyCorlib =
    [
        "# mscorlib 1.0.0.0",
        "T class System.Object",
        "M System.Object::.ctor() : System.Void",
        "T class System.ValueType : System.Object ; abstract",
        "T class System.Enum : System.ValueType ; abstract",
        "T struct System.Void",
        "T struct System.Boolean ; hidden-fields=unmanaged",
        "T struct System.Int32 ; hidden-fields=unmanaged",
        "T struct System.Byte ; hidden-fields=unmanaged",
        "T class System.String : System.Object ; sealed",
        "T class System.Exception : System.Object",
        "M System.Exception::.ctor() : System.Void",
        "T class System.Attribute : System.Object ; abstract",
        "M System.Attribute::.ctor() : System.Void ; protected",
        "T class System.Reflection.AssemblyVersionAttribute : System.Attribute ; sealed",
        "M System.Reflection.AssemblyVersionAttribute::.ctor(System.String) : System.Void ; params=version",
        // What the compiler needs to write its own attributes.
        "T enum System.AttributeTargets ; underlying=System.Int32",
        "F System.AttributeTargets::value__ : System.Int32",
        "F System.AttributeTargets::Module : System.AttributeTargets static ; const=2",
        "F System.AttributeTargets::Class : System.AttributeTargets static ; const=4",
        "F System.AttributeTargets::All : System.AttributeTargets static ; const=32767",
        "T class System.AttributeUsageAttribute : System.Attribute ; sealed usage=Class",
        "M System.AttributeUsageAttribute::.ctor(System.AttributeTargets) : System.Void ; params=validOn",
        "P System.AttributeUsageAttribute::AllowMultiple : System.Boolean get set",
        "P System.AttributeUsageAttribute::Inherited : System.Boolean get set",
        "T interface System.Collections.IEnumerator",
        "T interface System.Collections.IEnumerable",
        "M System.Collections.IEnumerable::GetEnumerator() : System.Collections.IEnumerator",
        // Implements IEnumerable with no public GetEnumerator: the implementation is private (explicit).
        "T class System.Bag : System.Object ; implements=System.Collections.IEnumerable",
        "M System.Bag::.ctor() : System.Void",
        // No public or protected constructor.
        "T class System.Sealed : System.Object ; sealed",
        // A base whose only constructor takes an argument, and a class derived from it.
        "T class System.Base : System.Object ; abstract",
        "M System.Base::.ctor(System.Int32) : System.Void ; protected params=size",
        "T class System.Derived : System.Base",
        "M System.Derived::.ctor() : System.Void",
        // Overloads told apart by a default, as nanoFramework.TestFramework's AreEqual.
        "T class System.Check : System.Object ; static",
        "M System.Check::Same(System.Byte,System.Byte,System.String) : System.Void static ; params=a,b,opt:m=\"\"",
        "M System.Check::Same(System.Int32,System.Int32,System.String) : System.Void static ; params=a,b,opt:m=\"\"",
    ];

    static (StandInSet StandIns, string[] Errors) CompileAgainst(string source)
    {
        var standIns = StandInSet.Build([ListedAssembly.Parse(TinyCorlib, "tiny")]);
        var compilation = CSharpCompilation.Create("User", [CSharpSyntaxTree.ParseText(source)], [standIns["mscorlib"]],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return (standIns, compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage()).ToArray());
    }

    [TestMethod]
    public void APrivatelyImplementedInterfaceIsImplementedExplicitly()
    {
        var (standIns, errors) = CompileAgainst("public static class U { public static object Run() { System.Collections.IEnumerable e = new System.Bag(); return e.GetEnumerator(); } }");
        Assert.AreEqual(0, errors.Length, string.Join("\n", errors));
        Assert.IsTrue(standIns.Sources["mscorlib"].Contains("global::System.Collections.IEnumerable.@GetEnumerator()"), standIns.Sources["mscorlib"]);
        var (_, publicCall) = CompileAgainst("public static class U { public static object Run() { return new System.Bag().GetEnumerator(); } }");
        Assert.IsTrue(publicCall.Any(e => e.StartsWith("CS1061", StringComparison.Ordinal)), "not callable on the class itself: " + string.Join("\n", publicCall));
    }

    [TestMethod]
    public void AClassWithNoListedConstructorCannotBeCreated()
    {
        var (_, errors) = CompileAgainst("public static class U { public static object Run() { return new System.Sealed(); } }");
        // As against the real assembly: its constructor is not public, so there is none to call.
        Assert.IsTrue(errors.Any(e => e.StartsWith("CS1729", StringComparison.Ordinal) || e.StartsWith("CS0122", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [TestMethod]
    public void ADerivedClassCallsTheOnlyBaseConstructor()
    {
        var (_, errors) = CompileAgainst("public static class U { public static object Run() { return new System.Derived(); } }");
        Assert.AreEqual(0, errors.Length, string.Join("\n", errors));
    }

    [TestMethod]
    public void DefaultsKeepOverloadResolutionAsListed()
    {
        var (_, ambiguous) = CompileAgainst("public static class U { public static void Run(byte b) { System.Check.Same(1, b); } }");
        Assert.IsTrue(ambiguous.Any(e => e.StartsWith("CS0121", StringComparison.Ordinal)), string.Join("\n", ambiguous));
        var (_, cast) = CompileAgainst("public static class U { public static void Run(byte b) { System.Check.Same((byte)1, b); } }");
        Assert.AreEqual(0, cast.Length, string.Join("\n", cast));
    }
}
