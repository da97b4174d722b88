using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;
using PosSlot.Host.Emulation;
using Spectre.Console;

namespace PosSlot.Host.Cli;

/// <summary><c>posslot emulate [--scenario NAME|FILE] [--seed N] [--insertions N] [--power-cuts N] [--capture MODE] [--json] [--report FILE.png] [--list]</c>.</summary>
public static class EmulateCommand
{
    public const int DefaultSeed = 1;

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "A built-in scenario (see --list) or a scenario JSON file (docs/scenario-format.md).",
            DefaultValueFactory = _ => ScenarioCatalog.Default,
        };
        var seed = new Option<int>("--seed") { Description = "Seed for the simulated slot; the same seed gives the same run.", DefaultValueFactory = _ => DefaultSeed };
        var insertions = new Option<int?>("--insertions") { Description = "Insertions to simulate (default: the scenario's)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var report = new Option<string?>("--report") { Description = "Also write a PNG of the slot's life (bounce, seat delay, interruptions; flags and fallback marked)." };
        var list = new Option<bool>("--list") { Description = "List the built-in scenarios and exit." };
        var capture = new Option<string>("--capture")
        {
            Description = "How the board's capture layer hands edges to the firmware: ideal (true times), rmt (hardware-timed bursts, stamped when read), gpio-events (managed pin events, stamped late and one at a time). The summary shows the measurement error each causes.",
            DefaultValueFactory = _ => PosSlot.Emulator.Capture.CaptureMode.Ideal,
        };
        var powerCuts = new Option<int?>("--power-cuts")
        {
            Description = "Cut the power N times at seeded instants (during a card, inside a flash write, between cards); the board reboots from its simulated flash each time.",
        };
        var consoleMode = new Option<string?>("--console")
        {
            Description = "Serve the firmware's diagnostics console while emulating, at real time (see --speed): pty creates a pseudo-terminal and prints its path (connect picocom or posslot diag to it); stdio uses stdin/stdout. Runs until Ctrl+C.",
        };
        var speed = new Option<double>("--speed") { Description = "With --console: simulated seconds per wall-clock second (1 = real time, up to 100000).", DefaultValueFactory = _ => 1 };
        var keyFile = new Option<string?>("--key-file") { Description = "With --console: the device key file (posslot keygen) the console authenticates against; without it, authenticated commands are refused." };
        var command = new Command("emulate",
            "Run the real firmware core against a simulated card slot (bounce physics, wear, faults, customers) in accelerated time, and compare what it concluded with the truth.")
        {
            scenario, seed, insertions, json, report, list, powerCuts, capture, consoleMode, speed, keyFile,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
            if (parse.GetValue(consoleMode) == null)
            {
                // These pace and key the live console only; a batch run would silently ignore them.
                foreach (var (option, what) in new (Option, string)[] { (speed, "it paces the live console"), (keyFile, "it is the live console's key") })
                {
                    if (Given(option))
                    {
                        error.WriteLine($"posslot emulate: {option.Name} works only with --console ({what}); a run without --console goes as fast as it can");
                        return ExitCodes.BadInput;
                    }
                }
            }
            if (parse.GetValue(list))
            {
                if (parse.GetValue(json))
                {
                    EmulateJson.WriteList(ScenarioCatalog.All, ScenarioCatalog.Default, output);
                    return ExitCodes.Ok;
                }
                foreach (var s in ScenarioCatalog.All)
                {
                    output.WriteLine($"{s.Name,-14} {s.Insertions,7:N0} insertions  {s.Description}{(s.Name == ScenarioCatalog.Default ? " (default)" : "")}");
                }
                return ExitCodes.Ok;
            }
            Scenario chosen;
            try
            {
                var name = parse.GetValue(scenario)!;
                chosen = ScenarioCatalog.Find(name) ?? LoadFile(name);
            }
            catch (ScenarioException e)
            {
                error.WriteLine("posslot emulate: " + e.Message);
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(insertions) is { } n && (n < 1 || n > 100_000_000))
            {
                error.WriteLine($"posslot emulate: --insertions {n} must be 1..100000000");
                return ExitCodes.BadInput;
            }
            if (!PosSlot.Emulator.Capture.CaptureMode.All.Contains(parse.GetValue(capture)))
            {
                error.WriteLine($"posslot emulate: --capture {PosSlot.Emulator.Reporting.Quote.Of(parse.GetValue(capture))} must be one of {string.Join(", ", PosSlot.Emulator.Capture.CaptureMode.All)}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(powerCuts) is { } cuts)
            {
                if (cuts < 0 || cuts > 100_000)
                {
                    error.WriteLine($"posslot emulate: --power-cuts {cuts} must be 0..100000");
                    return ExitCodes.BadInput;
                }
                chosen = chosen with { PowerCuts = cuts };
            }
            if (parse.GetValue(consoleMode) is { } mode)
            {
                var conflicts = new (Option Option, bool Set)[] { (powerCuts, parse.GetValue(powerCuts) > 0), (json, parse.GetValue(json)), (report, Given(report)) }
                    .Where(c => c.Set).Select(c => c.Option.Name).ToList();
                if (conflicts.Count > 0)
                {
                    error.WriteLine($"posslot emulate: --console runs until interrupted; it does not combine with {string.Join(" or ", conflicts)}");
                    return ExitCodes.BadInput;
                }
                if (chosen.PowerCuts > 0)
                {
                    error.WriteLine($"posslot emulate: scenario {chosen.Name} cuts the power {chosen.PowerCuts:N0} times, which the live console does not emulate: add --power-cuts 0 or pick another scenario");
                    return ExitCodes.BadInput;
                }
                return ServeConsole(mode, chosen, parse.GetValue(seed), parse.GetValue(insertions), parse.GetValue(capture)!,
                    parse.GetValue(speed), parse.GetValue(keyFile), output, error);
            }
            var reportPath = parse.GetValue(report);
            if (reportPath != null && !reportPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine($"posslot emulate: --report {reportPath}: the report is a PNG; name it FILE.png");
                return ExitCodes.BadInput;
            }
            if (reportPath != null && OutputCheck.Unwritable(reportPath) is { } why)
            {
                error.WriteLine($"posslot emulate: --report {reportPath}: cannot write: {why}");
                return ExitCodes.IoFailure;
            }
            var result = Run(chosen, parse.GetValue(seed), parse.GetValue(insertions), parse.GetValue(capture)!, showProgress: !parse.GetValue(json) && GuardedOutput.IsConsole(output));
            var expectation = Expectation.Of(result, parse.GetValue(insertions));
            if (parse.GetValue(json))
            {
                EmulateJson.Write(result, output, expectation);
            }
            else
            {
                EmulateText.Write(result, output, expectation);
            }
            if (reportPath != null)
            {
                try
                {
                    LifeReportPng.Save(result, reportPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"posslot emulate: cannot write {reportPath}: {e.Message}");
                    return ExitCodes.IoFailure;
                }
                if (!parse.GetValue(json))
                {
                    output.WriteLine($"Life report: {reportPath}");
                }
            }
            return result.CountsAsExpected && !expectation.Missed ? ExitCodes.Ok : ExitCodes.Mismatch;
        });
        return command;
    }

    static int ServeConsole(string mode, Scenario chosen, int seed, int? insertions, string capture,
        double speed, string? keyFile, TextWriter output, TextWriter error)
    {
        if (mode != PosSlot.Host.Terminal.ConsoleServing.Pty && mode != PosSlot.Host.Terminal.ConsoleServing.Stdio)
        {
            error.WriteLine($"posslot emulate: --console {PosSlot.Emulator.Reporting.Quote.Of(mode)} must be pty or stdio");
            return ExitCodes.BadInput;
        }
        if (!(speed >= 1 && speed <= 100_000))
        {
            error.WriteLine($"posslot emulate: --speed {speed} must be 1..100000");
            return ExitCodes.BadInput;
        }
        PosSlot.Firmware.Console.DeviceKey? key = null;
        if (keyFile != null)
        {
            key = KeyFiles.Load(keyFile, out var why);
            if (key == null)
            {
                error.WriteLine($"posslot emulate: --key-file {keyFile}: {why}");
                return ExitCodes.BadInput;
            }
        }
        try
        {
            return PosSlot.Host.Terminal.ConsoleServing.Run(mode, chosen, seed, insertions, capture, speed, key, output, error);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            error.WriteLine("posslot emulate: " + e.Message);
            return ExitCodes.IoFailure;
        }
    }

    /// <summary>A scenario file, read through InputFile (a regular file of at most 1 MB): one line and exit 2 (3 if unreadable) otherwise.</summary>
    static Scenario LoadFile(string path)
    {
        if (!Path.Exists(path))
        {
            throw new ScenarioException($"{ShownPath.Of(path)}: no such file, and no built-in scenario of that name (see --list)");
        }
        string json;
        try
        {
            json = InputFile.ReadText(path, "scenario file", InputFile.ScenarioMax);
        }
        catch (CliFailure e)
        {
            throw new CliFailure(e.ExitCode, "--scenario " + e.Message);
        }
        return ScenarioFile.Parse(json, ShownPath.Of(path));
    }

    /// <summary>Runs the emulation, with a progress bar on an interactive terminal (on stderr, so stdout stays clean).</summary>
    static EmulationResult Run(Scenario scenario, int seed, int? insertions, string capture, bool showProgress)
    {
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!showProgress || !stderr.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            return EmulationRunner.Run(scenario, seed, insertions, capture: capture);
        }
        EmulationResult? result = null;
        stderr.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask($"emulating {scenario.Name}", maxValue: insertions ?? scenario.Insertions);
            result = EmulationRunner.Run(scenario, seed, insertions, done => task.Value = done, capture: capture);
        });
        return result!;
    }
}
