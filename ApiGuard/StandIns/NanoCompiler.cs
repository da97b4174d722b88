using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PosSlot.ApiGuard.StandIns;

/// <summary>A nanoFramework project compiled against the stand-ins: its errors (FILE(LINE,COL): error CSxxxx ...) and image.</summary>
public sealed class NanoCompileResult
{
    public required IReadOnlyList<string> Errors { get; init; }
    /// <summary>The assembly, when it compiled.</summary>
    public byte[]? Image { get; init; }
}

/// <summary>
/// Compiles a .nfproj the way its build does (its Compile items, its references, its board's define
/// constants, no standard library) against the stand-in reference assemblies, so overload resolution
/// and every member lookup are nanoFramework's.
/// </summary>
public static class NanoCompiler
{
    /// <summary>Unchanged projects compile once per stand-in set (the tests' reference to the firmware, each board).</summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StandInSet, System.Collections.Concurrent.ConcurrentDictionary<string, NanoCompileResult>> Cache = new();

    /// <param name="root">Paths in errors are written relative to this folder.</param>
    /// <param name="board">The Board property (null: the project's default).</param>
    /// <param name="extraSources">Sources added to the project's, as (path, text): how a test plants a violation.</param>
    public static NanoCompileResult Compile(NanoProject project, StandInSet standIns, string root, string? board = null,
        IEnumerable<(string Path, string Text)>? extraSources = null)
    {
        var extra = extraSources?.ToList() ?? new List<(string Path, string Text)>();
        if (extra.Count > 0)
        {
            return CompileNow(project, standIns, root, board, extra);
        }
        // Keyed by what the compiler would see: the project, its symbols and references, and each source's stamp.
        var key = string.Join("|", new[] { project.Path, root, string.Join(";", project.DefinesFor(board)), string.Join(";", project.References) }
            .Concat(project.Sources.Select(f => f + "@" + File.GetLastWriteTimeUtc(f).Ticks + ":" + new FileInfo(f).Length)));
        return Cache.GetOrCreateValue(standIns).GetOrAdd(key, _ => CompileNow(project, standIns, root, board, extra));
    }

    static NanoCompileResult CompileNow(NanoProject project, StandInSet standIns, string root, string? board, List<(string Path, string Text)> extraSources)
    {
        var references = project.References.Select(r => standIns[r]).ToList();
        var errors = new List<string>();
        foreach (var referenced in project.ProjectReferences)
        {
            var result = Compile(NanoProject.Load(referenced), standIns, root);
            if (result.Image == null)
            {
                errors.Add($"{Relative(root, referenced)}: the referenced project does not compile ({result.Errors.Count} errors)");
                errors.AddRange(result.Errors);
                continue;
            }
            references.Add(MetadataReference.CreateFromImage(result.Image));
        }
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: project.DefinesFor(board));
        var trees = project.Sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f))
            .Concat(extraSources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, path: Path.GetFullPath(Path.Combine(root, s.Path)))))
            .ToList();
        var compilation = CSharpCompilation.Create(project.AssemblyName, trees, references,
            new CSharpCompilationOptions(project.IsExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Disable));
        // Emit only what compiles: the diagnostics alone are cheaper, and a planted violation needs no image.
        var diagnostics = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        byte[]? image = null;
        if (diagnostics.Count == 0 && errors.Count == 0)
        {
            using var output = new MemoryStream();
            var emitted = compilation.Emit(output);
            diagnostics.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            image = emitted.Success ? output.ToArray() : null;
        }
        errors.AddRange(diagnostics.Distinct()
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => Describe(d, root)));
        return new NanoCompileResult { Errors = errors, Image = image };
    }

    /// <summary>FILE(LINE,COL): error CSxxxx: message, FILE relative to the repository.</summary>
    public static string Describe(Diagnostic d, string root)
    {
        if (!d.Location.IsInSource)
        {
            return $"error {d.Id}: {d.GetMessage()}";
        }
        var span = d.Location.GetLineSpan();
        return $"{Relative(root, span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage()}";
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
