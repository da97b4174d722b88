using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Emulate;

/// <summary>Issue 19 items 17 and 21: emulate's options are never ignored without a word, and the live console ends cleanly.</summary>
[TestClass]
public class ConsoleOptionTests
{
    [TestMethod]
    [DataRow("--speed", "5")]
    [DataRow("--key-file", "board.key")]
    public void ConsoleOnlyOptionsWithoutConsoleAreRefused(string option, string value)
    {
        var run = CliRun.Of("emulate", "--scenario", "fresh", "--insertions", "10", option, value);
        Assert.AreEqual(ExitCodes.BadInput, run.ExitCode, run.Output + run.Error);
        StringAssert.StartsWith(run.Error, $"posslot emulate: {option} works only with --console");
        Assert.AreEqual("", run.Output, "nothing ran");
    }

    [TestMethod]
    public void ListWithJsonPrintsJson()
    {
        var run = CliRun.Of("emulate", "--list", "--json");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var scenarios = doc.RootElement.GetProperty("scenarios");
        Assert.AreEqual(8, scenarios.GetArrayLength());
        Assert.AreEqual("fresh", scenarios[0].GetProperty("name").GetString());
        Assert.IsTrue(scenarios[1].GetProperty("default").GetBoolean(), "lifetime is the default");
    }

    [TestMethod]
    public void ConsoleNamesOnlyWhatReallyConflicts()
    {
        var json = CliRun.Of("emulate", "--console", "stdio", "--json");
        Assert.AreEqual(ExitCodes.BadInput, json.ExitCode);
        Assert.AreEqual("posslot emulate: --console runs until interrupted; it does not combine with --json\n", json.Error);
        var cuts = CliRun.Of("emulate", "--console", "stdio", "--scenario", "power-cut");
        Assert.AreEqual(ExitCodes.BadInput, cuts.ExitCode);
        StringAssert.Contains(cuts.Error, "scenario power-cut cuts the power 60 times");
        Assert.IsFalse(cuts.Error.Contains("--json") || cuts.Error.Contains("--report"), cuts.Error);
    }

    static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(CliProcess.Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        return Process.Start(psi)!;
    }

    [TestMethod]
    public void PipedInputThatEndsAtOnceIsStillAnswered()
    {
        // printf 'status\n' | posslot emulate --console stdio
        using var p = Start("emulate", "--console", "stdio", "--speed", "100000", "--insertions", "50");
        p.StandardInput.Write("status\n");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.IsTrue(p.WaitForExit(30_000), "end of input stops the emulator");
        Task.WaitAll(stdout, stderr);
        StringAssert.Contains(stdout.Result, "health:", "the status was answered: " + stdout.Result + stderr.Result);
        Assert.AreEqual(0, p.ExitCode);
    }

    [TestMethod]
    public void CtrlCDuringTheScenarioDoesNotSayScenarioDone()
    {
        // Real time: the default scenario (62,000 cards) is far from done when Ctrl+C (SIGINT) comes.
        using var p = Start("emulate", "--console", "pty");
        var stderr = p.StandardError.ReadToEndAsync();
        // Serving (and its Ctrl+C handler) has started once the pty path is printed.
        var first = p.StandardOutput.ReadLineAsync();
        Assert.IsTrue(first.Wait(TimeSpan.FromSeconds(60)) && first.Result != null && first.Result.StartsWith("console on "), "the pty path was printed");
        var stdout = p.StandardOutput.ReadToEndAsync();
        Process.Start("kill", ["-INT", p.Id.ToString()])!.WaitForExit();
        if (!p.WaitForExit(20_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("Ctrl+C did not stop the emulator");
        }
        Task.WaitAll(stdout, stderr);
        var printed = stdout.Result + stderr.Result;
        Assert.IsFalse(printed.Contains("scenario done"), printed);
        StringAssert.Contains(printed, "emulator: the scenario stopped at insertion");
        StringAssert.Contains(printed, "emulator: stopped");
    }
}
