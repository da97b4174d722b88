using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet;
using PosSlot.Fleet.Ingest;
using PosSlot.Fleet.Store;

namespace PosSlot.Host.Cli;

/// <summary>
/// <c>posslot fleet ingest --broker URL --db DB [--idle-exit SECONDS] [--username U --password-file F] [--client-id ID]</c>:
/// the fleet's MQTT messages into the store (FleetIngester), until Ctrl+C or the idle time; the summary at exit.
/// </summary>
public static class FleetIngestCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "The broker: mqtt://HOST:PORT or mqtts://HOST:PORT (TLS).", Required = true };
        var db = new Option<string>("--db")
        {
            Description = "The store: sqlite:PATH (embedded, the default) or postgres://USER@HOST:PORT/DB (password from PGPASSWORD or ~/.pgpass, or in the URL).",
            DefaultValueFactory = _ => "sqlite:fleet.db",
        };
        var idle = new Option<int?>("--idle-exit") { Description = "End after this many seconds without a message (scripts and tests)." };
        var user = new Option<string?>("--username") { Description = "The broker user (docs/fleet.md: the ingester's user may read posslot/v1/#)." };
        var passwordFile = new Option<string?>("--password-file") { Description = "A file holding the broker user's password (never on the command line)." };
        var clientId = new Option<string?>("--client-id")
        {
            Description = "The MQTT client id, naming the persistent session: run each ingester with its own, and restart it with the same one. Default posslot-ingest-HOSTNAME.",
        };
        var endSession = new Option<bool>("--end-session")
        {
            Description = "On the way out, remove this ingester's session at the broker (an ingester that will not come back): otherwise the broker keeps dealing it a share of the fleet's messages for 7 days, and they wait for it. Kept if anything received is not stored yet.",
        };
        var c = new Command("ingest", "Store the fleet's reports: subscribe (shared, so several ingesters split one fleet), validate, store each board's state, history and milestones once.")
        {
            broker, db, idle, user, passwordFile, clientId, endSession,
        };
        c.SetAction(async (p, cancel) =>
        {
            var output = p.InvocationConfiguration.Output;
            var error = p.InvocationConfiguration.Error;
            var options = Options(p.GetValue(broker)!, p.GetValue(idle), p.GetValue(user), p.GetValue(passwordFile), p.GetValue(clientId), error) with { EndSession = p.GetValue(endSession) };
            var location = FleetStoreOpening.Location(p.GetValue(db)!);
            await using var store = await OpenAsync(location, cancel);
            output.WriteLine($"ingest: {options.Broker} -> {location} as {options.ClientId}{(options.IdleExit is { } t ? $", ending after {t.TotalSeconds:0} s idle" : "")}");
            var ingester = new FleetIngester(store, options);
            try
            {
                await ingester.RunAsync(cancel);
            }
            catch (IngestException e)
            {
                output.WriteLine($"ingest: {ingester.Summary}");
                throw CliFailure.Io(e.Message);
            }
            output.WriteLine($"ingest: {ingester.Summary}");
            return ExitCodes.Ok;
        });
        return c;
    }

    private static IngestOptions Options(string broker, int? idle, string? user, string? passwordFile, string? clientId, TextWriter log)
    {
        var url = BrokerUrl.TryParse(broker, out var why) ?? throw CliFailure.BadInput($"--broker {why}");
        if (idle is <= 0)
        {
            throw CliFailure.BadInput($"--idle-exit {idle}: give a number of seconds, 1 or more");
        }
        if ((user is null) != (passwordFile is null))
        {
            throw CliFailure.BadInput("--username and --password-file go together");
        }
        string? password = null;
        if (passwordFile is not null)
        {
            try
            {
                password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.Io($"--password-file {passwordFile}: {e.Message}");
            }
        }
        return new IngestOptions
        {
            Broker = url,
            Username = user,
            Password = password,
            ClientId = clientId ?? "posslot-ingest-" + Environment.MachineName,
            IdleExit = idle is { } s ? TimeSpan.FromSeconds(s) : null,
            Log = log,
        };
    }

    private static async Task<IFleetStore> OpenAsync(FleetStoreLocation location, CancellationToken cancel)
    {
        try
        {
            return await location.OpenAsync(cancel);
        }
        catch (FleetStoreException e)
        {
            throw CliFailure.Io($"--db {location}: {e.Message}");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw CliFailure.Io($"--db {location}: cannot open the store: {e.Message}");
        }
    }
}
