using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PosSlot.Host.Boards;

/// <summary>The board files of a folder (boards/ at the repository root), and finding one by name or path.</summary>
public static class BoardCatalog
{
    public const string DefaultFolder = "boards";

    /// <summary>Every NAME.json in the folder but the schema, sorted by name.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new BoardException($"{folder}: no such boards folder (run from the repository root, or give --dir)");
        }
        return Directory.GetFiles(folder, "*.json")
            .Where(f => !Path.GetFileName(f).EndsWith(".schema.json", System.StringComparison.Ordinal))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A board by name (boards/NAME.json) or by path.</summary>
    public static BoardFile Find(string nameOrPath, string folder)
    {
        var byName = Path.Combine(folder, nameOrPath + ".json");
        if (!nameOrPath.Contains('/') && !nameOrPath.Contains('\\') && !nameOrPath.EndsWith(".json", System.StringComparison.Ordinal))
        {
            if (!File.Exists(byName))
            {
                var known = Directory.Exists(folder) ? string.Join(", ", Files(folder).Select(Path.GetFileNameWithoutExtension)) : "none";
                throw new BoardException($"no board named '{nameOrPath}' in {folder} (boards: {known})");
            }
            return BoardFile.Load(byName);
        }
        return BoardFile.Load(nameOrPath);
    }
}
