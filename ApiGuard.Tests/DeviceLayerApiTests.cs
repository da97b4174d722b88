using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// The board-only layer (Firmware/Device) uses only what nanoFramework 1.x has. It cannot build for
/// .NET as is, so it is compiled here against stand-in declarations of the device API
/// (StandIns/NanoFrameworkDeviceApi.cs.txt) and the compiled result is checked like the core.
/// </summary>
[TestClass]
public class DeviceLayerApiTests
{
    /// <summary>Device files that the host build of the firmware does not already compile (those are guarded with the core).</summary>
    public static string[] BoardOnlyFiles(string root) => Directory.GetFiles(Path.Combine(root, "Firmware", "Device"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains(Path.Combine("Device", "Storage")) && !f.Contains(Path.Combine("Device", "Boards")))
        .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
        .OrderBy(f => f, StringComparer.Ordinal).ToArray();

    static MemoryStream Compile(string name, SyntaxTree[] trees, MetadataReference[] refs)
    {
        var compilation = CSharpCompilation.Create(name, trees, refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        var output = new MemoryStream();
        var result = compilation.Emit(output);
        Assert.IsTrue(result.Success, name + " does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        output.Position = 0;
        return output;
    }

    static MemoryStream CompileDevice(string extraSource = "")
    {
        var root = RepoRoot.Path;
        var standIns = Compile("NanoFrameworkDeviceStandIns",
            [CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(root, "ApiGuard.Tests", "StandIns", "NanoFrameworkDeviceApi.cs.txt")))], SnippetCompiler.References);
        var trees = BoardOnlyFiles(root).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList();
        if (extraSource.Length > 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText(extraSource));
        }
        return Compile("PosSlot.Firmware.Device", trees.ToArray(), [.. SnippetCompiler.References, MetadataReference.CreateFromStream(standIns)]);
    }

    /// <summary>
    /// .NET declares AutoResetEvent.Set on its base EventWaitHandle, so the host compiler references
    /// that type; nanoFramework declares Set on AutoResetEvent itself (listed), where the same source binds.
    /// </summary>
    static readonly string[] HostShapeArtifacts = ["System.Threading.EventWaitHandle"];

    [TestMethod]
    public void TheDeviceLayerUsesOnlyNanoFrameworkApi()
    {
        var listingDir = NanoApiListing.Locate(AppContext.BaseDirectory);
        Assert.IsNotNull(listingDir, "the device layer can only be checked against the listing (../shared/nanoframework-api)");
        using var device = CompileDevice();
        var listing = NanoApiListing.Load(listingDir);
        Assert.IsTrue(File.ReadAllText(Path.Combine(listingDir, "mscorlib.txt")).Contains("System.Threading.AutoResetEvent::Set()"), "the artifact below stands for AutoResetEvent.Set");
        var found = new FirmwareAssemblyChecker(listing, ["PosSlot.Firmware."]).Check(device)
            .Where(v => !HostShapeArtifacts.Any(a => v.Used.StartsWith(a, StringComparison.Ordinal))).ToList();
        Assert.AreEqual(0, found.Count, "Firmware/Device uses what nanoFramework 1.x cannot run:\n" + string.Join("\n", found.Select(v => "  " + v)));
    }

    [TestMethod]
    public void AViolationPlantedInTheDeviceLayerIsCaught()
    {
        var listingDir = NanoApiListing.Locate(AppContext.BaseDirectory);
        Assert.IsNotNull(listingDir);
        using var device = CompileDevice("""
            namespace PosSlot.Firmware.Device { public static class Planted { public static object Run() { var t = new nanoFramework.Hardware.Esp32.HighResTimer(); t.StartOneShot(5); return new System.Collections.Generic.List<int>(); } } }
            """);
        var found = new FirmwareAssemblyChecker(NanoApiListing.Load(listingDir), ["PosSlot.Firmware."]).Check(device);
        Assert.IsTrue(found.Any(v => v.Used.Contains("List`1")), string.Join("\n", found));
    }

    [TestMethod]
    public void TheStandInsDeclareOnlyWhatTheListingHas()
    {
        var listingDir = NanoApiListing.Locate(AppContext.BaseDirectory);
        Assert.IsNotNull(listingDir);
        var listing = NanoApiListing.Load(listingDir);
        using var standIns = Compile("StandInsSelfCheck",
            [CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(RepoRoot.Path, "ApiGuard.Tests", "StandIns", "NanoFrameworkDeviceApi.cs.txt")))], SnippetCompiler.References);
        using var pe = new PEReader(standIns);
        var md = pe.GetMetadataReader();
        var invented = new List<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            string name = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
            if (name == ".<Module>")
            {
                continue;
            }
            if (!listing.HasType(name))
            {
                invented.Add(name);
                continue;
            }
            // The listing holds the public and protected API: that is what the stand-ins must not invent.
            var members = type.GetMethods().Select(m => md.GetMethodDefinition(m))
                .Where(m => (m.Attributes & System.Reflection.MethodAttributes.MemberAccessMask) is System.Reflection.MethodAttributes.Public or System.Reflection.MethodAttributes.Family)
                .Select(m => md.GetString(m.Name))
                .Concat(type.GetFields().Select(f => md.GetFieldDefinition(f))
                    .Where(f => (f.Attributes & System.Reflection.FieldAttributes.FieldAccessMask) is System.Reflection.FieldAttributes.Public or System.Reflection.FieldAttributes.Family)
                    .Select(f => md.GetString(f.Name)));
            invented.AddRange(members.Where(m => !listing.HasMember(name, m)).Select(m => name + "::" + m));
        }
        Assert.AreEqual(0, invented.Count, "the stand-ins declare what nanoFramework does not have:\n  " + string.Join("\n  ", invented));
    }
}
