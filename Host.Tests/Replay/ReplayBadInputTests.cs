using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Replay;

/// <summary>Bad input: one clear error naming the line, exit code 2, nothing on standard output.</summary>
[TestClass]
public class ReplayBadInputTests
{
    [TestMethod]
    [DataRow("time,line,level\n0,detect,1\n", ":1: unknown header 'time,line,level'")]
    [DataRow("t_us,line,level\n0,detect,1\nabc,detect,0\n", ":3: t_us 'abc' is not a whole number")]
    [DataRow("t_us,line,level\n500,detect,1\n400,detect,0\n", ":3: time goes backwards: 400 after 500")]
    [DataRow("t_us,line,level\n0,detector,1\n", ":2: unknown line 'detector'")]
    [DataRow("t_us,line,level\n0,detect,2\n", ":2: level '2' must be 0 or 1")]
    [DataRow("t_us,line,level\n0,detect\n", ":2: expected 3 fields")]
    [DataRow("# rate_hz=fast\ndetect,contact\n0,0\n", ":1: rate_hz 'fast' is not a whole number")]
    [DataRow("# rate_hz=0\ndetect,contact\n0,0\n", ":1: rate_hz 0 is outside 1..1000000")]
    [DataRow("# rate_hz=1000\ncontact,detect\n0,0\n", ":2: unknown columns 'contact,detect'")]
    [DataRow("# rate_hz=1000\ndetect,contact\n0,0\n1\n", ":4: expected 2 values, found 1")]
    [DataRow("", ":1: empty file")]
    public void MalformedTraceIsOneErrorNamingTheLine(string content, string expected)
    {
        using var file = TempFile.With(content);
        foreach (var json in new[] { false, true })
        {
            var run = json ? CliRun.Of("replay", file.Path, "--json") : CliRun.Of("replay", file.Path);
            Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
            Assert.AreEqual("", run.Output, "nothing is printed as if it had worked");
            StringAssert.Contains(run.Error, file.Path + expected);
            Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, "one error line: " + run.Error);
        }
    }

    [TestMethod]
    public void MissingFileIsBadInput()
    {
        var run = CliRun.Of("replay", "/nonexistent/trace.csv");
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode);
        StringAssert.Contains(run.Error, "/nonexistent/trace.csv: no such file");
        Assert.AreEqual("", run.Output);
    }
}
