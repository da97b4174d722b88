using System;
using System.Text;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>Seeded fuzz slice of the trace formats: every input replays (exit 0) or is one error line (exit 2); nothing throws.</summary>
[TestClass]
public class TraceFuzzTests
{
    static readonly string[] Seeds =
    [
        "t_us,line,level\n0,detect,1\n120,detect,0\n300,detect,1\n90000,contact,1\n400000,contact,0\n400100,detect,0\n",
        "# rate_hz=1000\ndetect,contact\n0,0\n1,0\n1,1\n1,1\n0,1\n0,0\n",
        "# rate_hz=20000\ndetect\n0\n1\n1\n0\n",
    ];

    const string Alphabet = "0123456789,-\n\r #=tusdeconlaevr_\u0000\u001b9223372036854775807";

    static string Mutate(Random rnd, string seed)
    {
        var b = new StringBuilder(seed);
        int edits = 1 + rnd.Next(6);
        for (int i = 0; i < edits; i++)
        {
            int at = rnd.Next(b.Length + 1);
            switch (rnd.Next(4))
            {
                case 0 when b.Length > 0 && at < b.Length: b.Remove(at, 1); break;
                case 1: b.Insert(at, Alphabet[rnd.Next(Alphabet.Length)]); break;
                case 2: b.Insert(at, rnd.NextInt64().ToString()); break;
                default: b.Insert(at, seed.AsSpan(rnd.Next(seed.Length))); break;
            }
        }
        return b.ToString();
    }

    [TestMethod]
    public void MutatedTracesReplayOrGiveOneErrorLine()
    {
        var rnd = new Random(11);
        for (int i = 0; i < 600; i++)
        {
            var text = Mutate(rnd, Seeds[i % Seeds.Length]);
            using var file = TempFile.With(text);
            var run = CliRun.Of("replay", file.Path, "--json");
            Assert.IsTrue(run.ExitCode is ExitCodes.Ok or ExitCodes.BadInput, $"case {i}: exit {run.ExitCode}: {run.Error}");
            if (run.ExitCode == ExitCodes.BadInput)
            {
                Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, $"case {i}: {run.Error}");
                Assert.AreEqual("", run.Output, $"case {i}");
            }
        }
    }
}
