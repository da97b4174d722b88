using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PosSlot.Host.Boards;

/// <summary>The board files of a folder (boards/ at the repository root), and finding one by name or path.</summary>
public static class BoardCatalog
{
    public const string DefaultFolder = "boards";

    /// <summary>The file that marks the repository root.</summary>
    public const string RepositoryMarker = "PosSlotFirmware.sln";

    /// <summary>
    /// The boards folder a user means: --dir when given (it must exist); else ./boards; else boards/ of the
    /// repository the tool was built from (found by walking up from the tool's folder to PosSlotFirmware.sln).
    /// None found: BoardException naming every place looked at.
    /// </summary>
    public static string Locate(string? dir) => Locate(dir, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static string Locate(string? dir, string currentDirectory, string toolDirectory)
    {
        if (dir != null)
        {
            if (!Directory.Exists(dir))
            {
                throw new BoardException($"--dir {PosSlot.DiagClient.ShownPath.Of(dir)}: no such folder");
            }
            return dir;
        }
        var here = Path.Combine(currentDirectory, DefaultFolder);
        if (Directory.Exists(here))
        {
            return here;
        }
        var repository = RepositoryAbove(toolDirectory);
        var there = repository == null ? null : Path.Combine(repository, DefaultFolder);
        if (there != null && Directory.Exists(there))
        {
            return there;
        }
        throw new BoardException($"no boards folder: looked in {PosSlot.DiagClient.ShownPath.Of(here)} and "
            + (there != null ? PosSlot.DiagClient.ShownPath.Of(there) : $"above {PosSlot.DiagClient.ShownPath.Of(toolDirectory)} for {RepositoryMarker}")
            + "; give --dir FOLDER");
    }

    static string? RepositoryAbove(string folder)
    {
        for (var d = new DirectoryInfo(folder); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, RepositoryMarker)))
            {
                return d.FullName;
            }
        }
        return null;
    }

    /// <summary>Every NAME.json in the folder but the schema, sorted by name.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new BoardException($"{PosSlot.DiagClient.ShownPath.Of(folder)}: no such boards folder (give --dir)");
        }
        return Directory.GetFiles(folder, "*.json")
            .Where(f => !Path.GetFileName(f).EndsWith(".schema.json", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    static bool IsName(string nameOrPath) =>
        !nameOrPath.Contains('/') && !nameOrPath.Contains('\\') && !nameOrPath.EndsWith(".json", StringComparison.Ordinal);

    /// <summary>A board by name (NAME.json in the located folder, see Locate) or by path.</summary>
    public static BoardFile Find(string nameOrPath, string? dir)
    {
        if (!IsName(nameOrPath))
        {
            return BoardFile.Load(nameOrPath);
        }
        var folder = Locate(dir);
        var byName = Path.Combine(folder, nameOrPath + ".json");
        if (!File.Exists(byName))
        {
            var known = string.Join(", ", Files(folder).Select(Path.GetFileNameWithoutExtension));
            throw new BoardException($"no board named '{nameOrPath}' in {PosSlot.DiagClient.ShownPath.Of(folder)} (boards: {(known.Length == 0 ? "none" : known)})");
        }
        return BoardFile.Load(byName);
    }
}
