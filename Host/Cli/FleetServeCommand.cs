using System;
using System.CommandLine;
using System.IO;
using System.Net;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Web;

namespace PosSlot.Host.Cli;

/// <summary><c>posslot fleet serve --db DB [--http 127.0.0.1:8080]</c>: the dispatcher's read-only web page, until Ctrl+C.</summary>
public static class FleetServeCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The fleet store: sqlite:PATH or postgres://user@host:port/database.", Required = true };
        var http = new Option<string>("--http") { Description = "Address and port to serve on (port 0 picks a free one).", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var c = new Command("serve", "Serve the dispatcher's web page (read-only): the fleet at a glance, the dispatch table, a page per board. Runs until Ctrl+C.") { db, http };
        c.SetAction(async (p, cancel) =>
        {
            var location = FleetStoreOpening.Location(p.GetValue(db)!);
            var endpointText = p.GetValue(http)!;
            if (!IPEndPoint.TryParse(endpointText, out var endpoint) || endpoint.Port == 0 && !endpointText.EndsWith(":0", StringComparison.Ordinal))
            {
                throw CliFailure.BadInput($"--http {endpointText}: use ADDRESS:PORT, as in 127.0.0.1:8080");
            }
            await using var store = await FleetStoreOpening.OpenAsync(location, cancel);
            FleetWebApp web;
            try
            {
                web = await FleetWebApp.StartAsync(store, endpoint, cancel: cancel);
            }
            catch (IOException e)
            {
                throw CliFailure.Io($"--http {endpointText}: cannot listen: {e.Message}");
            }
            await using (web)
            {
                p.InvocationConfiguration.Output.WriteLine($"serving {location} on {web.Address} (read-only; Ctrl+C stops)");
                try
                {
                    await web.WaitForShutdownAsync(cancel);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return ExitCodes.Ok;
        });
        return c;
    }
}
