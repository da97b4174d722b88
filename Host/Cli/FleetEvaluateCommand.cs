using System;
using System.CommandLine;
using System.Linq;
using PosSlot.Fleet.Dispatch;
using PosSlot.Fleet.Evaluation;
using PosSlot.Fleet.Store;

namespace PosSlot.Host.Cli;

/// <summary>
/// <c>posslot fleet evaluate --db DB --truth FILE [--db DB --truth FILE ...] [--horizons 14d,30d] [--checkpoints N]</c>:
/// the dispatch list against the truth; several seeds give one summed table.
/// </summary>
public static class FleetEvaluateCommand
{
    public static Command Create()
    {
        var db = new Option<string[]>("--db")
        {
            Description = "The fleet store filled from a simulated fleet (posslot fleet simulate, then ingest). Repeat it with --truth for several seeds: one summed table.",
            Required = true,
        };
        var truth = new Option<string[]>("--truth") { Description = "The simulator's truth file (posslot fleet simulate --truth FILE), one for each --db, in the same order.", Required = true };
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
            try
            {
                spans = p.GetValue(horizons)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(DispatchOptions.ParseHorizon).ToArray();
            }
            catch (FormatException e)
            {
                throw CliFailure.BadInput(e.Message);
            }
            var dbs = p.GetValue(db)!;
            var truths = p.GetValue(truth)!;
            if (dbs.Length != truths.Length)
            {
                throw CliFailure.BadInput($"--db and --truth go in pairs, one truth file for each store: {dbs.Length} --db, {truths.Length} --truth");
            }
            var runs = new System.Collections.Generic.List<System.Collections.Generic.IReadOnlyList<Score>>();
            var coverage = new System.Collections.Generic.List<string>();
            for (var i = 0; i < dbs.Length; i++)
            {
                var location = FleetStoreOpening.Location(dbs[i]);
                FleetTruth facts;
                try
                {
                    // A truth file lists every board: 10,000 boards take about 2 MB.
                    facts = FleetTruth.Parse(InputFile.ReadText(truths[i], "truth file", 64L << 20));
                }
                catch (FormatException e)
                {
                    throw CliFailure.BadInput($"--truth {truths[i]}: {e.Message}");
                }
                await using var store = await FleetStoreOpening.OpenAsync(location, cancel);
                runs.Add(await DispatchEvaluation.RunAsync(store, facts, spans, n, cancel));
                var text = (await DispatchEvaluation.CoverageAsync(store, facts, cancel)).Text;
                coverage.Add(dbs.Length == 1 ? text : $"{location}: {text}");
            }
            EvaluationTable.Write(runs.Count == 1 ? runs[0] : DispatchEvaluation.Sum(runs), p.InvocationConfiguration.Output);
            foreach (var line in coverage)
            {
                p.InvocationConfiguration.Output.WriteLine("- " + line);
            }
            return ExitCodes.Ok;
        });
        return c;
    }
}
