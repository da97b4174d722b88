using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using PosSlot.Host.Diag;

namespace PosSlot.Host.Cli;

/// <summary>
/// <c>posslot diag --port PATH [--baud N] [--key-file F] [--json] COMMAND...</c>: the board's console in
/// its checked machine mode. The command words are the console's own (docs/console.md).
/// </summary>
public static class DiagCommand
{
    static readonly Option<string> Port = new("--port") { Description = "The board's console port: /dev/ttyUSB0, /dev/ttyACM0, COM5, or the emulator's pty.", Required = true, Recursive = true };
    static readonly Option<int> Baud = new("--baud") { Description = "Baud rate (8N1).", DefaultValueFactory = _ => DiagLink.DefaultBaud, Recursive = true };
    static readonly Option<string?> KeyFile = new("--key-file") { Description = "The board's device key (posslot keygen); needed by the commands that change the board.", Recursive = true };
    static readonly Option<bool> Json = new("--json") { Description = "Print the board's JSON data instead of a table.", Recursive = true };
    static readonly Option<double> Timeout = new("--timeout") { Description = "Seconds to wait for each reply before sending it again (3 tries).", DefaultValueFactory = _ => 2, Recursive = true };

    public static Command Create()
    {
        var diag = new Command("diag", "Talk to a board's diagnostics console over a serial port (checked machine mode: CRC, retries, replies cached on the board).")
        {
            Port, Baud, KeyFile, Json, Timeout,
        };
        foreach (var name in new[] { "hello", "status", "counters", "wear", "errors", "selftest" })
        {
            diag.Add(Simple(name, name == "counters" ? Reset() : null));
        }
        diag.Add(Events());
        diag.Add(Advice());
        diag.Add(Read());
        diag.Add(Watch());
        diag.Add(Report());
        diag.Add(Maintenance());
        diag.Add(Fallback());
        diag.Add(LogClear());
        return diag;
    }

    static readonly string[] s_read = ["hello: Protocol, model, board, firmware, serial, uptime and boot count.", "status: Health, fallback, the card in the slot, insertion counts.",
        "counters: Insertion counts for the board and this slot, replacements, boots. (counters reset: see below)", "wear: Wear measures against the baseline, per-fault levels, forecast.",
        "errors: Console and storage error counters.", "selftest: Pin levels, capture path and storage, checked now on the board."];

    static Command Simple(string name, Command? sub)
    {
        var c = new Command(name, Array.Find(s_read, d => d.StartsWith(name + ":"))![(name.Length + 2)..]);
        if (sub != null)
        {
            c.Add(sub);
        }
        c.SetAction(p => With(p, s => s.Print(s.Run(name))));
        return c;
    }

    static Command Reset()
    {
        var replaced = new Option<bool>("--replaced") { Description = "Confirms a new slot was fitted (required)." };
        var c = new Command("reset", "A new slot was fitted: the slot's count and wear baseline restart; the board's total is kept. Authenticated.") { replaced };
        c.SetAction(p =>
        {
            if (!p.GetValue(replaced))
            {
                throw CliFailure.BadInput("counters reset needs --replaced: it is only for a newly fitted slot");
            }
            return Changing(p, "counters reset --replaced");
        });
        return c;
    }

    static Command Events()
    {
        var since = new Option<long>("--since") { Description = "Only events after this id (0 or more).", CustomParser = r => Whole(r, "--since", 0, long.MaxValue) };
        var limit = new Option<int>("--limit") { Description = $"At most this many per request, 1..{DiagEvents.MaxLimit}.", DefaultValueFactory = _ => 20, CustomParser = r => (int)Whole(r, "--limit", 1, DiagEvents.MaxLimit) };
        var all = new Option<bool>("--all") { Description = "Every event after --since: pages through until the board has no more." };
        var c = new Command("events", "The board's milestone history, oldest first, then the routine events counted since the newest milestone.") { since, limit, all };
        c.SetAction(p => With(p, s => DiagEvents.Run(s, p.GetValue(since), p.GetValue(limit), p.GetValue(all))));
        return c;
    }

    /// <summary>A whole number within min..max, or a one-line parse error naming that range.</summary>
    static long Whole(System.CommandLine.Parsing.ArgumentResult r, string option, long min, long max)
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        r.AddError(max == long.MaxValue ? $"{option} {text} must be a whole number, {min} or more" : $"{option} {text} must be a whole number {min}..{max}");
        return min;
    }

    static Command Advice()
    {
        var lang = new Argument<string>("language") { Description = "en or zh.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "zh");
        var c = new Command("advice", "Maintenance advice for each raised fault.") { lang };
        c.SetAction(p => With(p, s => s.Print(s.Run("advice " + p.GetValue(lang)))));
        return c;
    }

    static Command Read()
    {
        var result = new Argument<string>("result") { Description = "ok or fail." };
        result.AcceptOnlyFromAmong("ok", "fail");
        var c = new Command("read", "For the terminal's software: report the chip read of the card in the slot.") { result };
        c.SetAction(p => With(p, s => s.Print(s.Run("read " + p.GetValue(result)))));
        return c;
    }

    static Command Watch()
    {
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: until Ctrl+C)." };
        var c = new Command("watch", "The events the board pushes, as they come, and the slot's status when it changes: a live view on a terminal, one line each when piped, JSON Lines with --json. Exits 3 when the board is lost.") { seconds };
        c.SetAction(p => With(p, s =>
        {
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler h = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += h;
            try
            {
                DiagWatch.Run(s, p.GetValue(seconds) is { } sec ? TimeSpan.FromSeconds(sec) : null, stop.Token);
            }
            finally
            {
                Console.CancelKeyPress -= h;
            }
        }));
        return c;
    }

    static Command Report()
    {
        var outDir = new Option<string>("--out") { Description = "Folder for report.json, trend.png and summary.txt (created if missing).", Required = true };
        var c = new Command("report", "Export what a technician attaches to a ticket: JSON, a trend plot and a one-page summary.") { outDir };
        c.SetAction(p => With(p, s =>
        {
            var dir = p.GetValue(outDir)!;
            if (OutputCheck.Unwritable(Path.Combine(dir, "report.json")) is { } why && Directory.Exists(dir))
            {
                throw CliFailure.Io($"--out {dir}: cannot write: {why}");
            }
            try
            {
                foreach (var f in DiagReport.Write(s, dir))
                {
                    s.Output.WriteLine(f);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.Io($"--out {dir}: {e.Message}");
            }
        }));
        return c;
    }

    static Command Maintenance()
    {
        var cleaned = new Command("cleaned", "The slot was cleaned: dirt faults get a probation. Authenticated.");
        cleaned.SetAction(p => Changing(p, "maintenance cleaned"));
        return new Command("maintenance", "Record maintenance done on the slot.") { cleaned };
    }

    static Command Fallback()
    {
        var mode = new Argument<string>("mode") { Description = "on (external reader), off (slot, even if failed) or auto." };
        mode.AcceptOnlyFromAmong("on", "off", "auto");
        var minutes = new Option<int?>("--minutes") { Description = "How long on or off holds (1-60, default 60); it then reverts to auto by itself." };
        var force = new Command("force", "Hold the external-reader fallback on or off for a while, or give it back to the slot's health. Authenticated.") { mode, minutes };
        force.SetAction(p =>
        {
            var m = p.GetValue(mode)!;
            if (p.GetValue(minutes) is { } n && (n < 1 || n > 60 || m == "auto"))
            {
                throw CliFailure.BadInput(m == "auto" ? "--minutes goes with on or off" : $"--minutes {n} must be 1..60");
            }
            return Changing(p, $"fallback force {m}" + (p.GetValue(minutes) is { } k ? $" --minutes {k}" : ""));
        });
        return new Command("fallback", "The external-reader fallback.") { force };
    }

    static Command LogClear()
    {
        var clear = new Command("clear", "Empty the board's event log (the clearing is logged). Authenticated.");
        clear.SetAction(p => Changing(p, "log clear"));
        return new Command("log", "The board's event log.") { clear };
    }

    /// <summary>An authenticated command: challenge-response from the key file, the command tagged with the session's key, then logout (also on Ctrl+C).</summary>
    static int Changing(ParseResult p, string command) => With(p, s =>
    {
        try
        {
            s.Authenticate();
            s.Print(s.RunAuthorised(command));
        }
        finally
        {
            s.EndSession();
        }
    });

    static int With(ParseResult p, Action<DiagSession> work)
    {
        var output = p.InvocationConfiguration.Output;
        var timeout = p.GetValue(Timeout);
        if (!(timeout > 0 && timeout <= 60))
        {
            throw CliFailure.BadInput($"--timeout {timeout} must be more than 0 and at most 60 seconds");
        }
        int baud = p.GetValue(Baud);
        if (baud < 300 || baud > 4_000_000)
        {
            throw CliFailure.BadInput($"--baud {baud} must be 300..4000000");
        }
        using var link = DiagLink.Open(p.GetValue(Port)!, baud);
        link.ReplyTimeout = TimeSpan.FromSeconds(timeout);
        work(new DiagSession(link, p.GetValue(KeyFile), p.GetValue(Json), output));
        return ExitCodes.Ok;
    }
}
