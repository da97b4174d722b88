using System;
using System.IO;
using System.Text;
using PosSlot.DiagClient;
using PosSlot.Host.Cli;

namespace PosSlot.Host.Tests.Support;

/// <summary>
/// Seeded mutation fuzzing of posslot's three input formats (edge traces, sample traces, scenario
/// JSON) through the real command line: every input must replay or emulate (exit 0, or 1 for an
/// emulation that disagrees with its truth) or be refused with exit 2 and one line, never throw,
/// hang or crash. The suite runs a slice; `dotnet run -c Release --project Benchmarks -- --fuzz N`
/// runs N cases and prints the tally for docs/performance.md.
/// </summary>
public static class InputFuzz
{
    static readonly string[] TraceSeeds =
    [
        "t_us,line,level\n0,detect,1\n120,detect,0\n300,detect,1\n90000,contact,1\n400000,contact,0\n400100,detect,0\n",
        "# rate_hz=1000\ndetect,contact\n0,0\n1,0\n1,1\n1,1\n0,1\n0,0\n",
        "# rate_hz=20000\ndetect\n0\n1\n1\n0\n",
    ];

    static readonly string[] ScenarioSeeds =
    [
        "{\"name\": \"f\", \"insertions\": 30, \"wear\": {\"life_scale\": 2.0, \"edges_new\": 5}, \"users\": {\"half_insert\": 0.1}}",
        "{\"dirt\": {\"onset\": 5, \"probability\": 0.3}, \"cleanings\": [20], \"detect_fault\": {\"mode\": \"chatter\", \"onset\": 10}}",
        "{\"reads\": {\"fail_onset\": 3, \"fail_probability_after\": 0.5}, \"emi_per_second\": 50, \"power_cuts\": 3, \"expect_flag\": \"read_failures\"}",
    ];

    const string TraceAlphabet = "0123456789,-\n\r #=tusdeconlaevr_\u0000\u001b9223372036854775807";
    const string JsonAlphabet = "0123456789.-eE+{}[]\":, \ntruefalsnul\u0000\u001b\\1e308";

    /// <summary>Case i of the seeded sequence: the input text and the command line to run it.</summary>
    public static (string Text, string[] Args) Case(Random rnd, int i, string path)
    {
        int kind = i % 4;
        if (kind < 3)
        {
            var seed = kind < 2 ? TraceSeeds[i % TraceSeeds.Length] : TraceSeeds[(i / 4) % TraceSeeds.Length];
            return (Mutate(rnd, seed, TraceAlphabet), new[] { "replay", path, "--json" });
        }
        var scenario = Mutate(rnd, ScenarioSeeds[(i / 4) % ScenarioSeeds.Length], JsonAlphabet);
        return (scenario, new[] { "emulate", "--scenario", path, "--insertions", "25", "--json" });
    }

    public static string Mutate(Random rnd, string seed, string alphabet)
    {
        var b = new StringBuilder(seed);
        int edits = 1 + rnd.Next(3);
        for (int i = 0; i < edits; i++)
        {
            int at = rnd.Next(b.Length + 1);
            switch (rnd.Next(8))
            {
                case 0 when b.Length > 0 && at < b.Length: b.Remove(at, 1); break;
                case 1: b.Insert(at, alphabet[rnd.Next(alphabet.Length)]); break;
                case 2: b.Insert(at, rnd.NextInt64().ToString()); break;
                case 3: b.Insert(at, seed.AsSpan(rnd.Next(seed.Length))); break;
                default:
                    // Benign: one digit becomes another, so many cases stay valid and run deep.
                    for (int k = 0; k < b.Length; k++)
                    {
                        int j = (at + k) % b.Length;
                        if (char.IsAsciiDigit(b[j]))
                        {
                            b[j] = (char)('0' + rnd.Next(10));
                            break;
                        }
                    }
                    break;
            }
        }
        return b.ToString();
    }

    /// <summary>Runs one case; null when it kept the rules, else what went wrong.</summary>
    public static string? Check(string text, string[] args, string path, out int exitCode)
    {
        File.WriteAllText(path, text);
        var output = new StringWriter();
        var error = new StringWriter();
        exitCode = PosSlotCli.Run(args, output, error);
        bool emulate = args[0] == "emulate";
        if (exitCode == ExitCodes.Ok || (emulate && exitCode == ExitCodes.Mismatch))
        {
            return output.ToString().Length > 0 ? null : "no output";
        }
        if (exitCode != ExitCodes.BadInput)
        {
            return $"exit {exitCode}: {error}";
        }
        if (output.ToString().Length > 0)
        {
            return "exit 2 with output";
        }
        var lines = error.ToString().TrimEnd().Split('\n');
        return lines.Length == 1 && lines[0].Length < 400 ? null : "not one short line: " + error;
    }
}
