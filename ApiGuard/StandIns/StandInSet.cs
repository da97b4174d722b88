using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PosSlot.ApiGuard.StandIns;

/// <summary>
/// nanoFramework's reference assemblies, rebuilt in memory from the listing: each listed assembly's
/// declarations (StubWriter) compiled with -nostdlib, mscorlib first, then the others in dependency order.
/// </summary>
public sealed class StandInSet
{
    readonly Dictionary<string, MetadataReference> _references;
    readonly Dictionary<string, byte[]> _images;

    StandInSet(Dictionary<string, byte[]> images, Dictionary<string, string> sources)
    {
        _images = images;
        _references = images.ToDictionary(i => i.Key, i => (MetadataReference)MetadataReference.CreateFromImage(i.Value), StringComparer.Ordinal);
        Sources = sources;
    }

    /// <summary>The compiled stand-in of an assembly (to read its metadata back).</summary>
    public byte[] Image(string assemblyName) => _images[assemblyName];

    /// <summary>The generated C# of each assembly, by assembly name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public IReadOnlyCollection<string> AssemblyNames => _references.Keys;

    public MetadataReference this[string assemblyName] => _references.TryGetValue(assemblyName, out var r)
        ? r : throw new KeyNotFoundException($"no listing for assembly {assemblyName} (shared/nanoframework-api/{assemblyName}.txt)");

    public static StandInSet Build(string listingDirectory)
    {
        var assemblies = Directory.GetFiles(listingDirectory, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(ListedAssembly.Read).ToList();
        return Build(assemblies);
    }

    public static StandInSet Build(IReadOnlyList<ListedAssembly> assemblies)
    {
        var all = assemblies.SelectMany(a => a.Types).ToDictionary(t => t.FullName, StringComparer.Ordinal);
        var sources = assemblies.ToDictionary(a => a.Name, a => StubWriter.Write(a, all), StringComparer.Ordinal);
        var dependencies = assemblies.ToDictionary(a => a.Name, a => DependsOn(a, all), StringComparer.Ordinal);
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var references = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var pending = assemblies.Select(a => a.Name).ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(n => dependencies[n].All(references.ContainsKey))
                ?? throw new InvalidOperationException("the listed assemblies depend on each other in a cycle: " + string.Join(", ", pending));
            var refs = Closure(next, dependencies).Select(d => references[d]).ToArray();
            images[next] = Compile(next, sources[next], refs);
            references[next] = MetadataReference.CreateFromImage(images[next]);
            pending.Remove(next);
        }
        return new StandInSet(images, sources);
    }

    static IEnumerable<string> Closure(string name, Dictionary<string, HashSet<string>> dependencies)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(dependencies[name]);
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            if (seen.Add(d))
            {
                foreach (var dd in dependencies[d])
                {
                    stack.Push(dd);
                }
            }
        }
        return seen.OrderBy(s => s, StringComparer.Ordinal);
    }

    /// <summary>The other listed assemblies whose types this one names.</summary>
    static HashSet<string> DependsOn(ListedAssembly assembly, Dictionary<string, ListedType> all)
    {
        var names = new List<string>();
        foreach (var t in assembly.Types)
        {
            if (t.BaseType != null)
            {
                names.Add(t.BaseType);
            }
            names.AddRange(t.Implements);
            foreach (var m in t.Members)
            {
                names.Add(m.Type);
                names.AddRange(m.Params.Select(p => p.Type));
            }
        }
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            var bare = n.TrimEnd('&');
            while (bare.EndsWith("[]", StringComparison.Ordinal))
            {
                bare = bare[..^2];
            }
            if (all.TryGetValue(bare, out var t) && t.Assembly != assembly.Name)
            {
                result.Add(t.Assembly);
            }
        }
        // Attributes, delegates and primitives always come from the core library.
        if (assembly.Name != "mscorlib")
        {
            result.Add("mscorlib");
        }
        return result;
    }

    static byte[] Compile(string name, string source, MetadataReference[] references)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: name + ".g.cs");
        var compilation = CSharpCompilation.Create(name, new[] { tree }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable,
                generalDiagnosticOption: ReportDiagnostic.Suppress));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            throw new InvalidOperationException($"the stand-in for {name} does not compile ({errors.Count} errors; a generator bug):\n"
                + string.Join("\n", errors.Take(40).Select(d => d.ToString())));
        }
        return output.ToArray();
    }
}
