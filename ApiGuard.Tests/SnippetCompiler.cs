using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PosSlot.ApiGuard.Tests;

/// <summary>Compiles a C# snippet into an in-memory assembly, the way the firmware core is built.</summary>
static class SnippetCompiler
{
    /// <summary>The platform's assemblies (and this test's references): what a host build compiles against.</summary>
    public static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => p.Length > 0)
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    public static MemoryStream Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            throw new InvalidOperationException("snippet does not compile:\n" + string.Join("\n", result.Diagnostics));
        }
        output.Position = 0;
        return output;
    }
}
