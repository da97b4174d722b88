using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PosSlot.ApiGuard.StandIns;

/// <summary>One parameter of a listed method: its metadata type, name, modifiers and default (params= token).</summary>
public sealed record ListedParam(string Type, string Name, IReadOnlyList<string> Modifiers, string? Default)
{
    public bool Has(string modifier) => Modifiers.Contains(modifier);
}

/// <summary>A listed member line (M, F, P or E) with everything after " ; " read into flags and values.</summary>
public sealed class ListedMember
{
    public required char Kind { get; init; }
    public required string Name { get; init; }
    /// <summary>Return, field, property or event type.</summary>
    public required string Type { get; init; }
    public IReadOnlyList<ListedParam> Params { get; init; } = Array.Empty<ListedParam>();
    public required bool IsStatic { get; init; }
    public bool CanGet { get; init; }
    public bool CanSet { get; init; }
    public required ListingTokens Tokens { get; init; }
    public required string Line { get; init; }

    public bool IsProtected => Tokens.Has("protected");
}

/// <summary>A listed type (T line) and the members listed for it.</summary>
public sealed class ListedType
{
    public required string Kind { get; init; }
    /// <summary>Metadata name: Namespace.Outer/Inner`1.</summary>
    public required string FullName { get; init; }
    public string? BaseType { get; init; }
    public required ListingTokens Tokens { get; init; }
    public required string Assembly { get; init; }
    public List<ListedMember> Members { get; } = new();

    public string? Outer => FullName.Contains('/') ? FullName[..FullName.LastIndexOf('/')] : null;
    public string Namespace => FullName.Contains('/') ? "" : FullName.Contains('.') ? FullName[..FullName.LastIndexOf('.')] : "";
    /// <summary>The C# name without namespace, outer type or generic arity.</summary>
    public string SimpleName
    {
        get
        {
            var name = FullName.Contains('/') ? FullName[(FullName.LastIndexOf('/') + 1)..] : FullName[(FullName.LastIndexOf('.') + 1)..];
            int tick = name.IndexOf('`');
            return tick < 0 ? name : name[..tick];
        }
    }

    /// <summary>Generic parameters as C# writes them (variance included).</summary>
    public string[] TypeParams => Tokens.Value("typeparams")?.Split(',').Select(p => p.Replace("in:", "in ").Replace("out:", "out ")).ToArray() ?? Array.Empty<string>();

    public string[] Implements => Tokens.Value("implements")?.Split(',') ?? Array.Empty<string>();
}

/// <summary>The tokens after " ; ": flag words and key=value pairs.</summary>
public sealed class ListingTokens
{
    readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public ListingTokens(string text)
    {
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = token.IndexOf('=');
            if (eq < 0)
            {
                _flags.Add(token);
            }
            else
            {
                _values[token[..eq]] = token[(eq + 1)..];
            }
        }
    }

    public bool Has(string flag) => _flags.Contains(flag);
    public string? Value(string key) => _values.TryGetValue(key, out var v) ? v : null;
}

/// <summary>One listing file (one assembly): its name, version and types.</summary>
public sealed class ListedAssembly
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public List<ListedType> Types { get; } = new();

    /// <summary>Reads a listing file in the v2 format of shared/nanoframework-api/README.md.</summary>
    public static ListedAssembly Read(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));

    public static ListedAssembly Parse(IReadOnlyList<string> lines, string source)
    {
        var header = lines.Count > 0 && lines[0].StartsWith("# ", StringComparison.Ordinal) ? lines[0][2..].Split(' ') : null;
        if (header == null || header.Length < 2)
        {
            throw new InvalidDataException($"{source}: first line must be '# <assembly> <version>'");
        }
        var assembly = new ListedAssembly { Name = header[0], Version = header[1] };
        var types = new Dictionary<string, ListedType>(StringComparer.Ordinal);
        var members = new List<(string Type, ListedMember Member)>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length < 2 || line[0] == '#')
            {
                continue;
            }
            int sep = line.IndexOf(" ; ", StringComparison.Ordinal);
            var v1 = sep < 0 ? line : line[..sep];
            var tokens = new ListingTokens(sep < 0 ? "" : line[(sep + 3)..]);
            try
            {
                if (line[0] == 'T')
                {
                    var parts = v1.Split(' ');
                    var type = new ListedType
                    {
                        Kind = parts[1], FullName = parts[2], BaseType = parts.Length >= 5 ? parts[4] : null,
                        Tokens = tokens, Assembly = assembly.Name,
                    };
                    types.Add(type.FullName, type);
                    assembly.Types.Add(type);
                }
                else
                {
                    members.Add(ParseMember(line[0], v1[2..], tokens, line));
                }
            }
            catch (Exception e) when (e is not InvalidDataException)
            {
                throw new InvalidDataException($"{source}:{i + 1}: cannot read '{line}': {e.Message}", e);
            }
        }
        foreach (var (typeName, member) in members)
        {
            if (!types.TryGetValue(typeName, out var owner))
            {
                throw new InvalidDataException($"{source}: {member.Line} names a type with no T line");
            }
            owner.Members.Add(member);
        }
        return assembly;
    }

    static (string, ListedMember) ParseMember(char kind, string body, ListingTokens tokens, string line)
    {
        int colons = body.IndexOf("::", StringComparison.Ordinal);
        var typeName = body[..colons];
        var rest = body[(colons + 2)..];
        if (kind == 'M')
        {
            int open = rest.IndexOf('(');
            int close = rest.IndexOf(')', open);
            var name = rest[..open];
            var types = rest[(open + 1)..close].Length == 0 ? Array.Empty<string>() : rest[(open + 1)..close].Split(',');
            var after = rest[(close + 1)..].Trim();   // ": Ret [static]"
            var words = after[1..].Trim().Split(' ');
            return (typeName, new ListedMember
            {
                Kind = kind, Name = name, Type = words[0], IsStatic = words.Contains("static"),
                Params = ReadParams(types, tokens.Value("params")), Tokens = tokens, Line = line,
            });
        }
        int typeSep = rest.IndexOf(" : ", StringComparison.Ordinal);
        var memberName = rest[..typeSep];
        var tail = rest[(typeSep + 3)..].Split(' ');
        return (typeName, new ListedMember
        {
            Kind = kind, Name = memberName, Type = tail[0],
            IsStatic = tail.Contains("static") || tokens.Has("static"),
            CanGet = tail.Contains("get"), CanSet = tail.Contains("set"), Tokens = tokens, Line = line,
            Params = kind == 'P' && tokens.Value("index") is { } index ? ReadParams(index.Split(','), null) : Array.Empty<ListedParam>(),
        });
    }

    static ListedParam[] ReadParams(string[] types, string? spec)
    {
        var entries = spec?.Split(',') ?? Array.Empty<string>();
        if (spec != null && entries.Length != types.Length)
        {
            throw new InvalidDataException($"params= has {entries.Length} entries for {types.Length} parameters");
        }
        var result = new ListedParam[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            if (spec == null)
            {
                result[i] = new ListedParam(types[i], "p" + i, Array.Empty<string>(), null);
                continue;
            }
            var parts = entries[i].Split(':');
            var last = parts[^1];
            int eq = last.IndexOf('=');
            result[i] = new ListedParam(types[i], eq < 0 ? last : last[..eq], parts[..^1], eq < 0 ? null : last[(eq + 1)..]);
        }
        return result;
    }
}
