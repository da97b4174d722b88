using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PosSlot.Fleet.Evaluation;

/// <summary>
/// The evaluation as a Markdown table (for docs/health.md), with the targets judged beneath it. "Silent failures"
/// are failures in the horizon whose slot looked healthy at the checkpoint (Score.SilentPositives).
/// </summary>
public static class EvaluationTable
{
    public const double RecallTarget = 0.9;
    public const double PrecisionTarget = 0.8;
    public const double TargetHorizonDays = 14;

    public static void Write(IReadOnlyList<Score> scores, TextWriter w)
    {
        w.WriteLine("| horizon | method | checkpoints | visits | hits | failures in horizon | precision | recall | silent failures | recall with a sign | missed, by scenario |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in scores.OrderBy(s => s.HorizonDays).ThenBy(s => s.Method == DispatchEvaluation.Dispatch ? 0 : 1))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.HorizonDays:0} d | {s.Method} | {s.Checkpoints} | {s.Visits} | {s.TruePositives} | {s.Positives} | {s.Precision:0.000} | {s.Recall:0.000} | {s.SilentPositives} | {s.RecallWithASign:0.000} | {MissedText(s)} |"));
        }
        w.WriteLine();
        foreach (var line in Verdicts(scores))
        {
            w.WriteLine(line);
        }
    }

    /// <summary>"worn-spring 2, detect-broken 1", most first; "-" when nothing was missed.</summary>
    public static string MissedText(Score s) =>
        s.Missed.Count == 0 ? "-" : string.Join(", ", s.Missed.OrderByDescending(m => m.Value).ThenBy(m => m.Key, System.StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"));

    /// <summary>One line per target: met or not, with the figures.</summary>
    public static IEnumerable<string> Verdicts(IReadOnlyList<Score> scores)
    {
        foreach (var horizon in scores.Select(s => s.HorizonDays).Distinct().Order())
        {
            var d = scores.Single(s => s.HorizonDays == horizon && s.Method == DispatchEvaluation.Dispatch);
            var baselines = scores.Where(s => s.HorizonDays == horizon && s.Method != DispatchEvaluation.Dispatch).ToList();
            var better = baselines.All(b => d.Precision > b.Precision && d.Recall > b.Recall);
            var f = CultureInfo.InvariantCulture;
            if (horizon == TargetHorizonDays)
            {
                yield return string.Format(f, "- {0:0} days: recall {1:0.000} (target >= {2}) {3}; precision {4:0.000} (target >= {5}) {6}",
                    horizon, d.Recall, RecallTarget, d.Recall >= RecallTarget ? "met" : "MISSED", d.Precision, PrecisionTarget, d.Precision >= PrecisionTarget ? "met" : "MISSED");
                if (d.Recall < RecallTarget)
                {
                    var misses = d.Positives - d.TruePositives;
                    var silentMisses = d.SilentPositives - d.SilentHits;
                    yield return string.Format(f, "  of its {0} misses {1} were silent (the slot's last report before the checkpoint was Healthy, with no fault class and no forecast); recall over the failures that showed a sign is {2:0.000}",
                        misses, silentMisses, d.RecallWithASign);
                }
            }
            yield return string.Format(f, "- {0:0} days: dispatch {1} both baselines on the same visits budget ({2})", horizon,
                better ? "beats" : "does NOT beat", string.Join("; ", baselines.Select(b => string.Format(f, "{0}: precision {1:0.000}, recall {2:0.000}", b.Method, b.Precision, b.Recall))));
        }
    }
}
