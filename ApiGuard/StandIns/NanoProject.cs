using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PosSlot.ApiGuard.StandIns;

/// <summary>
/// What a nanoFramework project (.nfproj) hands the compiler: its sources, the assemblies it references
/// (by name; their HintPaths point into packages/), its project references, its output kind and the
/// define constants for a board (the Board property's conditions).
/// </summary>
public sealed class NanoProject
{
    static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";
    static readonly Regex BoardCondition = new(@"^\s*'\$\(Board\)'\s*==\s*'([^']*)'\s*$");

    public required string Path { get; init; }
    public required string AssemblyName { get; init; }
    public required bool IsExe { get; init; }
    /// <summary>Full paths of the Compile items, in project order.</summary>
    public required IReadOnlyList<string> Sources { get; init; }
    public required IReadOnlyList<string> References { get; init; }
    /// <summary>Full paths of referenced .nfproj files.</summary>
    public required IReadOnlyList<string> ProjectReferences { get; init; }
    /// <summary>The board chosen when none is given (the Board property's default), or null.</summary>
    public string? DefaultBoard { get; init; }

    readonly List<(string? Board, string[] Symbols)> _defines = new();

    public static NanoProject Load(string path)
    {
        var doc = XDocument.Load(path);
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        string Full(string include) => System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, include.Replace('\\', '/')));
        var project = new NanoProject
        {
            Path = System.IO.Path.GetFullPath(path),
            AssemblyName = doc.Descendants(Ms + "AssemblyName").Single().Value,
            IsExe = doc.Descendants(Ms + "OutputType").Single().Value == "Exe",
            Sources = doc.Descendants(Ms + "Compile").Select(c => Full(c.Attribute("Include")!.Value)).ToList(),
            References = doc.Descendants(Ms + "Reference").Select(r => r.Attribute("Include")!.Value).ToList(),
            ProjectReferences = doc.Descendants(Ms + "ProjectReference").Select(r => Full(r.Attribute("Include")!.Value)).ToList(),
            DefaultBoard = doc.Descendants(Ms + "Board").Select(b => b.Value).FirstOrDefault(),
        };
        foreach (var define in doc.Descendants(Ms + "DefineConstants"))
        {
            var condition = define.Attribute("Condition")?.Value;
            string? board = null;
            if (condition != null)
            {
                var match = BoardCondition.Match(condition);
                if (!match.Success)
                {
                    continue;   // a configuration condition the guard does not model
                }
                board = match.Groups[1].Value;
            }
            var symbols = define.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(s => s != "$(DefineConstants)").ToArray();
            project._defines.Add((board, symbols));
        }
        return project;
    }

    /// <summary>The boards the project names in its conditions, and its default.</summary>
    public IEnumerable<string> NamedBoards => _defines.Where(d => d.Board != null).Select(d => d.Board!)
        .Concat(DefaultBoard == null ? Array.Empty<string>() : new[] { DefaultBoard }).Distinct(StringComparer.Ordinal);

    /// <summary>The preprocessor symbols msbuild would define for this board (null: the default board).</summary>
    public string[] DefinesFor(string? board)
    {
        board ??= DefaultBoard;
        return _defines.Where(d => d.Board == null || d.Board == board).SelectMany(d => d.Symbols).Distinct(StringComparer.Ordinal).ToArray();
    }
}
