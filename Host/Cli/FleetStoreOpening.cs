using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Store;

namespace PosSlot.Host.Cli;

/// <summary>Opens a fleet store for reading, with one line when it cannot (a read never creates an empty store).</summary>
public static class FleetStoreOpening
{
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
