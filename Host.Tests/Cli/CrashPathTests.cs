using System;
using System.IO;
using System.Text;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Cli;

/// <summary>An unexpected exception anywhere in a command: one line naming a crash log, exit 70, never a stack trace on the console.</summary>
[TestClass]
public class CrashPathTests
{
    /// <summary>A console that breaks in a way no command expects.</summary>
    sealed class BrokenConsole : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("the console went away");

        public override void Write(string? value) => throw new InvalidOperationException("the console went away");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the console went away");
    }

    [TestMethod]
    [DataRow("replay")]
    [DataRow("emulate")]
    public void AnUnexpectedExceptionIsOneLineAndACrashLogWithTheStackTrace(string command)
    {
        var error = new StringWriter();
        string[] args = command == "replay"
            ? new[] { "replay", RepoPaths.Example("three-insertions.edges.csv") }
            : new[] { "emulate", "--scenario", "fresh", "--insertions", "50" };
        int code = PosSlotCli.Run(args, new BrokenConsole(), error);
        Assert.AreEqual(ExitCodes.Crash, code);
        Assert.AreEqual(70, code);
        var lines = error.ToString().TrimEnd().Split('\n');
        Assert.AreEqual(1, lines.Length, error.ToString());
        StringAssert.Contains(lines[0], "posslot " + command + ": unexpected error (crash log ");
        Assert.IsFalse(lines[0].Contains("   at "), "no stack trace on the console");
        int start = lines[0].IndexOf("crash log ", StringComparison.Ordinal) + "crash log ".Length;
        string path = lines[0][start..lines[0].IndexOf(')', start)];
        try
        {
            string log = File.ReadAllText(path);
            StringAssert.Contains(log, "InvalidOperationException: the console went away");
            StringAssert.Contains(log, "   at ");
            StringAssert.Contains(log, "posslot " + string.Join(' ', args));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
