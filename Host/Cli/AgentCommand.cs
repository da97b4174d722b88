using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using PosSlot.Fleet;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Messages;

namespace PosSlot.Host.Cli;

/// <summary>
/// <c>posslot agent --port PORT --broker mqtt://HOST:PORT --site SITE [...]</c>: runs beside a reader,
/// reads its console (read-only commands) and reports to the fleet's MQTT broker (docs/fleet.md).
/// </summary>
public static class AgentCommand
{
    public static Command Create()
    {
        var port = new Option<string>("--port") { Description = "The board's console port (/dev/ttyUSB1, COM5, or the emulator's pty).", Required = true };
        var baud = new Option<int>("--baud") { Description = "Baud rate (8N1).", DefaultValueFactory = _ => DiagLink.DefaultBaud };
        var broker = new Option<string>("--broker") { Description = "The fleet's broker: mqtt://HOST:PORT or mqtts://HOST:PORT (TLS).", Required = true };
        var site = new Option<string>("--site") { Description = "The site this terminal is at (1-64 of A-Z a-z 0-9 . _ -): the topic's <site>.", Required = true };
        var keyFile = new Option<string?>("--key-file") { Description = "The board's device key file: the agent then reports only a board with that serial." };
        var interval = new Option<string>("--interval") { Description = "How often to report: 900, 30s, 15m, 1h.", DefaultValueFactory = _ => "15m" };
        var spool = new Option<string?>("--spool") { Description = "Directory of the store-and-forward spool (SQLite). Default: ~/.local/share/posslot/agent." };
        var spoolMax = new Option<int>("--spool-max") { Description = "Most messages kept while the broker is unreachable (states go first, milestones never).", DefaultValueFactory = _ => Spool.DefaultCapacity };
        var username = new Option<string?>("--username") { Description = "MQTT user: the board's serial under the fleet's ACL." };
        var passwordFile = new Option<string?>("--password-file") { Description = "File whose first line is the MQTT password (never on the command line)." };
        var once = new Option<bool>("--once") { Description = "Report once (sending what the spool holds) and exit: 0 when all was sent, 3 when some stays spooled." };
        var c = new Command("agent", "Report a reader's health to the fleet's MQTT broker every interval, with a store-and-forward spool (docs/fleet.md).")
        {
            port, baud, broker, site, keyFile, interval, spool, spoolMax, username, passwordFile, once,
        };
        c.SetAction(p =>
        {
            var address = BrokerUrl.TryParse(p.GetValue(broker)!, out var why) ?? throw CliFailure.BadInput($"--broker {why}");
            string siteName = p.GetValue(site)!;
            if (!FleetAddress.IsName(siteName))
            {
                throw CliFailure.BadInput($"--site {siteName}: use 1-64 of A-Z a-z 0-9 . _ -");
            }
            var every = Durations.Parse(p.GetValue(interval)!) ?? throw CliFailure.BadInput($"--interval {p.GetValue(interval)}: give seconds or 30s, 15m, 1h");
            int max = p.GetValue(spoolMax);
            if (max < 2)
            {
                throw CliFailure.BadInput("--spool-max: at least 2");
            }
            string? user = p.GetValue(username);
            string? password = null;
            if (p.GetValue(passwordFile) is { } pf)
            {
                password = PasswordFiles.Load(pf, out var pwhy) ?? throw CliFailure.BadInput($"--password-file {pf}: {pwhy}");
                if (user == null)
                {
                    throw CliFailure.BadInput("--password-file needs --username");
                }
            }
            string? expected = null;
            if (p.GetValue(keyFile) is { } kf)
            {
                expected = (KeyFiles.Load(kf, out var kwhy) ?? throw CliFailure.BadInput($"--key-file {kf}: {kwhy}")).Serial;
            }
            string spoolDir = p.GetValue(spool) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "posslot", "agent");
            var error = p.InvocationConfiguration.Error;

            using var link = DiagLink.Open(p.GetValue(port)!, p.GetValue(baud));
            using var store = new Spool(spoolDir, max);
            var settings = new AgentSettings { Site = siteName, Interval = every, SerialHint = user, ExpectedSerial = expected };
            var publisher = new MqttFleetPublisher(address, $"posslot-agent-{user ?? Guid.NewGuid().ToString("N")[..8]}", user, password);
            var agent = new FleetAgent(settings, new SerialBoardConsole(link), new WallClock(), store, publisher, error);
            using var stop = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
            error.WriteLine($"agent: reporting {p.GetValue(port)} at site {siteName} to {address} every {every}; spool {spoolDir}");
            try
            {
                if (p.GetValue(once))
                {
                    var report = agent.Cycle(stop.Token).GetAwaiter().GetResult();
                    error.WriteLine($"agent: {report.Status}, {report.Milestones} new milestones, {report.Sent} sent, {report.Pending} spooled");
                    return report.Pending == 0 && report.Status.Length > 0 ? ExitCodes.Ok : ExitCodes.IoFailure;
                }
                agent.Run(stop.Token).GetAwaiter().GetResult();
                agent.GoOffline("agent stopped").GetAwaiter().GetResult();
                return ExitCodes.Ok;
            }
            finally
            {
                publisher.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        return c;
    }
}
