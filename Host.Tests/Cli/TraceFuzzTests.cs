using System;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>
/// A seeded slice of the input fuzz (InputFuzz): mutated edge traces, sample traces and scenario
/// files through the real command line. Every input runs or is one error line (exit 2); nothing
/// throws, hangs or crashes. The 100,000-case run is a benchmark (docs/performance.md).
/// </summary>
[TestClass]
public class TraceFuzzTests
{
    [TestMethod]
    public void MutatedInputsRunOrGiveOneErrorLine()
    {
        var rnd = new Random(11);
        using var file = new TempFile();
        int refused = 0;
        for (int i = 0; i < 3000; i++)
        {
            var (text, args) = InputFuzz.Case(rnd, i, file.Path);
            var problem = InputFuzz.Check(text, args, file.Path, out int code);
            Assert.IsNull(problem, $"case {i} ({args[0]}): {problem}\ninput: {text}");
            refused += code == 2 ? 1 : 0;
        }
        Assert.IsTrue(refused > 300 && refused < 2700, "the slice mixes good and bad inputs: " + refused + " refused");
    }
}
