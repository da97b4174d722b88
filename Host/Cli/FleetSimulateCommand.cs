using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using PosSlot.Fleet;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Simulation;

namespace PosSlot.Host.Cli;

/// <summary>
/// <c>posslot fleet simulate --boards N --broker URL --days D [--seed S] [--truth FILE] ...</c>: an
/// emulated fleet (the real firmware, its console, the real agent logic) reporting through the broker
/// at simulated time (docs/fleet.md).
/// </summary>
public static class FleetSimulateCommand
{
    public static Command Create()
    {
        var boards = new Option<int>("--boards") { Description = "How many readers (1-100,000).", Required = true };
        var broker = new Option<string>("--broker") { Description = "mqtt://HOST:PORT of the fleet's broker.", Required = true };
        var days = new Option<double>("--days") { Description = "Simulated days each board reports for.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the fleet's spread (scenarios, rates, ages) and of each board's physics.", DefaultValueFactory = _ => 1 };
        var truth = new Option<string?>("--truth") { Description = "Write what really happened: {\"end\", \"boards\": [{serial, site, scenario, fails_at, ...}]}." };
        var interval = new Option<string>("--interval") { Description = "How often each agent reports, in simulated time (30m, 6h...).", DefaultValueFactory = _ => "6h" };
        var start = new Option<string>("--start") { Description = "The window's start (ISO date or time, UTC).", DefaultValueFactory = _ => "2026-01-01" };
        var workers = new Option<int>("--workers") { Description = "Boards simulated at once.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var username = new Option<string?>("--username") { Description = "MQTT user allowed to publish for every board (the ACL's simulator user)." };
        var passwordFile = new Option<string?>("--password-file") { Description = "File whose first line is the MQTT password." };
        var c = new Command("simulate", "Run N emulated readers (real firmware and agent logic) reporting through the MQTT broker at simulated time.")
        {
            boards, broker, days, seed, truth, interval, start, workers, username, passwordFile,
        };
        c.SetAction(p =>
        {
            int n = p.GetValue(boards);
            if (n < 1 || n > 100_000)
            {
                throw CliFailure.BadInput($"--boards {n}: 1 to 100,000");
            }
            double d = p.GetValue(days);
            if (!(d > 0 && d <= 3650))
            {
                throw CliFailure.BadInput($"--days {d}: more than 0, at most 3650");
            }
            var address = BrokerUrl.TryParse(p.GetValue(broker)!, out var why) ?? throw CliFailure.BadInput($"--broker {why}");
            var every = Durations.Parse(p.GetValue(interval)!) ?? throw CliFailure.BadInput($"--interval {p.GetValue(interval)}: give 30m, 6h...");
            if (!DateTimeOffset.TryParse(p.GetValue(start), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var from))
            {
                throw CliFailure.BadInput($"--start {p.GetValue(start)}: an ISO date or time");
            }
            string? user = p.GetValue(username);
            string? password = null;
            if (p.GetValue(passwordFile) is { } pf)
            {
                password = PasswordFiles.Load(pf, out var pwhy) ?? throw CliFailure.BadInput($"--password-file {pf}: {pwhy}");
            }
            string? truthPath = p.GetValue(truth);
            var settings = new SimulationSettings { Boards = n, Days = d, Seed = p.GetValue(seed), Start = from, Interval = every, Workers = Math.Max(1, p.GetValue(workers)) };
            var error = p.InvocationConfiguration.Error;
            error.WriteLine($"simulate: {n:N0} boards, {d} days from {Fleet.Messages.FleetJson.Time(from)}, a report every {every} each, seed {settings.Seed}, to {address}");
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            var result = FleetSimulator.Run(settings, plan => new MqttFleetPublisher(address, $"sim-{plan.Serial}-{Guid.NewGuid().ToString("N")[..6]}", user, password), error, stop.Token)
                .GetAwaiter().GetResult();
            if (truthPath != null)
            {
                try
                {
                    result.Truth.Write(truthPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw CliFailure.Io($"--truth {truthPath}: {e.Message}");
                }
            }
            p.InvocationConfiguration.Output.WriteLine(
                $"simulated {n:N0} boards for {d} days: {result.Sent:N0} messages sent, {result.Milestones:N0} milestones, {result.Unsent:N0} unsent; {result.WallSeconds:0.0} s, peak working set {result.PeakWorkingSetBytes / 1048576.0:0} MB"
                + (truthPath != null ? $"; truth in {truthPath}" : ""));
            return result.Unsent == 0 ? ExitCodes.Ok : ExitCodes.IoFailure;
        });
        return c;
    }
}
