using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PosSlot.Fleet.Dispatch;
using PosSlot.Fleet.Store;

namespace PosSlot.Host.Cli;

/// <summary><c>posslot fleet dispatch --db DB [--as-of TIME] [--horizon 14d] [--site S] [--json] [--csv FILE]</c>: the visit list.</summary>
public static class FleetDispatchCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The fleet store: sqlite:PATH or postgres://user@host:port/database (the password from PGPASSWORD or ~/.pgpass).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "List the visits as the store knew them at this UTC time (ISO 8601); default: now." };
        var horizon = new Option<string>("--horizon") { Description = "List slots forecast to fail within this long: 14d, 36h, 2w.", DefaultValueFactory = _ => "14d" };
        var site = new Option<string?>("--site") { Description = "Only this site's boards." };
        var json = new Option<bool>("--json") { Description = "Print the list as JSON: {as_of, boards: [{serial, site, rank, health, fallback, fails_in_days, last_seen, stale, ...}]}." };
        var csv = new Option<string?>("--csv") { Description = "Also write the list as CSV to FILE, for a ticketing system." };
        var c = new Command("dispatch", "The ranked list of card slots to visit: boards on the external reader, then Failed, then the soonest forecast failures within the horizon, then Degraded.")
        {
            db, asOf, horizon, site, json, csv,
        };
        c.SetAction(async (p, cancel) =>
        {
            var location = FleetStoreOpening.Location(p.GetValue(db)!);
            var span = Parse(() => DispatchOptions.ParseHorizon(p.GetValue(horizon)!), "--horizon");
            var asOfText = p.GetValue(asOf);
            DateTimeOffset? when = asOfText is null ? null : Parse(() => DispatchOptions.ParseTime(asOfText), "--as-of");
            var csvPath = p.GetValue(csv);
            if (csvPath is not null && OutputCheck.Unwritable(csvPath) is { } why)
            {
                throw CliFailure.Io($"--csv {csvPath}: {why}");
            }
            await using var store = await FleetStoreOpening.OpenAsync(location, cancel);
            var candidates = await DispatchSource.ReadAsync(store, when, p.GetValue(site), cancel);
            var at = when ?? DateTimeOffset.UtcNow;
            var rows = DispatchPlanner.Plan(candidates, at, span);
            var output = p.InvocationConfiguration.Output;
            if (p.GetValue(json))
            {
                output.WriteLine(DispatchOutput.Json(rows, at, span));
            }
            else
            {
                DispatchOutput.Text(rows, at, span, candidates.Count, output);
            }
            if (csvPath is not null)
            {
                try
                {
                    using var w = new StreamWriter(csvPath);
                    DispatchOutput.Csv(rows, w);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw CliFailure.Io($"--csv {csvPath}: {e.Message}");
                }
            }
            return ExitCodes.Ok;
        });
        return c;
    }

    static T Parse<T>(Func<T> parse, string option)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw CliFailure.BadInput($"{option}: {e.Message}");
        }
    }
}
