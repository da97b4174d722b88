using System;
using System.CommandLine;
using System.Linq;
using PosSlot.Fleet.Dispatch;
using PosSlot.Fleet.Evaluation;
using PosSlot.Fleet.Store;

namespace PosSlot.Host.Cli;

/// <summary><c>posslot fleet evaluate --db DB --truth FILE [--horizons 14d,30d] [--checkpoints N]</c>: the dispatch list against the truth.</summary>
public static class FleetEvaluateCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The fleet store filled from a simulated fleet (posslot fleet simulate, then ingest).", Required = true };
        var truth = new Option<string>("--truth") { Description = "The simulator's truth file (posslot fleet simulate --truth FILE).", Required = true };
        var horizons = new Option<string>("--horizons") { Description = "Comma-separated horizons to judge.", DefaultValueFactory = _ => "14d,30d" };
        var checkpoints = new Option<int>("--checkpoints") { Description = "Times through the simulated period at which the list is judged (1-1000).", DefaultValueFactory = _ => 10 };
        var c = new Command("evaluate", "Judge the dispatch list against a simulated fleet's truth: precision and recall of 'fails within the horizon', beside replacing by insertion count and by age on the same number of visits. Prints a Markdown table.")
        {
            db, truth, horizons, checkpoints,
        };
        c.SetAction(async (p, cancel) =>
        {
            var n = p.GetValue(checkpoints);
            if (n is < 1 or > 1000)
            {
                throw CliFailure.BadInput($"--checkpoints {n}: use 1 to 1000");
            }
            TimeSpan[] spans;
            FleetTruth facts;
            try
            {
                spans = p.GetValue(horizons)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(DispatchOptions.ParseHorizon).ToArray();
            }
            catch (FormatException e)
            {
                throw CliFailure.BadInput(e.Message);
            }
            var location = FleetStoreOpening.Location(p.GetValue(db)!);
            var truthPath = p.GetValue(truth)!;
            try
            {
                // A truth file lists every board: 10,000 boards take about 2 MB.
                facts = FleetTruth.Parse(InputFile.ReadText(truthPath, "truth file", 64L << 20));
            }
            catch (FormatException e)
            {
                throw CliFailure.BadInput($"--truth {truthPath}: {e.Message}");
            }
            await using var store = await FleetStoreOpening.OpenAsync(location, cancel);
            var scores = await DispatchEvaluation.RunAsync(store, facts, spans, n, cancel);
            EvaluationTable.Write(scores, p.InvocationConfiguration.Output);
            p.InvocationConfiguration.Output.WriteLine("- " + (await DispatchEvaluation.CoverageAsync(store, facts, cancel)).Text);
            return ExitCodes.Ok;
        });
        return c;
    }
}
