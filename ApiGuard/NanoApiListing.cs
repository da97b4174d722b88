using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PosSlot.ApiGuard;

/// <summary>
/// nanoFramework's public 1.x API as listed in shared/nanoframework-api (one signature a line).
/// Types are matched by full name and members by type and name: overloads differ between the
/// two frameworks, so a name is the most a host-side check can hold the firmware to.
/// </summary>
public sealed class NanoApiListing
{
    readonly HashSet<string> _types = new(StringComparer.Ordinal);
    readonly HashSet<string> _members = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Assemblies { get; }

    NanoApiListing(IReadOnlyList<string> assemblies) => Assemblies = assemblies;

    public int TypeCount => _types.Count;

    public bool HasType(string fullName) => _types.Contains(fullName);

    public bool HasMember(string typeFullName, string memberName)
    {
        if (_members.Contains(typeFullName + "::" + memberName))
        {
            return true;
        }
        // Event accessors are listed as the event itself.
        foreach (var prefix in new[] { "add_", "remove_" })
        {
            if (memberName.StartsWith(prefix, StringComparison.Ordinal)
                && _members.Contains(typeFullName + "::" + memberName[prefix.Length..]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads every *.txt listing in the folder.</summary>
    public static NanoApiListing Load(string directory)
    {
        var files = Directory.GetFiles(directory, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"no *.txt API listings in {directory}");
        }
        var listing = new NanoApiListing(files.Select(f => Path.GetFileNameWithoutExtension(f)).ToList());
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                listing.AddLine(line);
            }
        }
        return listing;
    }

    /// <summary>Builds a listing from lines, for tests.</summary>
    public static NanoApiListing FromLines(IEnumerable<string> lines)
    {
        var listing = new NanoApiListing(new[] { "inline" });
        foreach (var line in lines)
        {
            listing.AddLine(line);
        }
        return listing;
    }

    void AddLine(string line)
    {
        if (line.Length < 3 || line[0] == '#')
        {
            return;
        }
        switch (line[0])
        {
            case 'T':
                // "T <kind> <FullName> [: <Base>]"
                var parts = line.Split(' ');
                if (parts.Length >= 3)
                {
                    _types.Add(parts[2]);
                }
                break;
            case 'M':
            case 'F':
            case 'P':
            case 'E':
                var body = line[2..];
                int sep = body.IndexOf("::", StringComparison.Ordinal);
                if (sep < 0)
                {
                    return;
                }
                int end = sep + 2;
                while (end < body.Length && body[end] != '(' && body[end] != ' ')
                {
                    end++;
                }
                _types.Add(body[..sep]);
                _members.Add(body[..end]);
                break;
        }
    }

    /// <summary>
    /// Finds the listing folder: POSSLOT_NANO_API if set, else shared/nanoframework-api in the
    /// first ancestor of <paramref name="start"/> that has one (the repo sits beside shared/).
    /// </summary>
    public static string? Locate(string start)
    {
        var fromEnv = Environment.GetEnvironmentVariable("POSSLOT_NANO_API");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Directory.Exists(fromEnv) ? fromEnv : null;
        }
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "nanoframework-api");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
