using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Store;

namespace PosSlot.Host.Cli;

/// <summary>The --db option of the fleet commands, and opening a store for reading, each with one line when it cannot.</summary>
public static class FleetStoreOpening
{
    /// <summary>Parses --db (sqlite:PATH or postgres://...); a bad value is a usage error naming the option.</summary>
    public static FleetStoreLocation Location(string text)
    {
        try
        {
            return FleetStoreLocation.Parse(text);
        }
        catch (FormatException e)
        {
            throw CliFailure.BadInput($"--db: {e.Message}");
        }
    }

    /// <summary>Opens a store to read it: a missing SQLite file is refused, never created empty.</summary>
    public static async Task<IFleetStore> OpenAsync(FleetStoreLocation location, CancellationToken cancel)
    {
        if (location.Engine == "sqlite" && !File.Exists(location.Target))
        {
            throw CliFailure.BadInput($"--db {location}: no such store (posslot fleet ingest --db {location} fills it)");
        }
        try
        {
            return await location.OpenAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw CliFailure.Io($"--db {location}: cannot open the store: {e.Message}");
        }
    }
}
