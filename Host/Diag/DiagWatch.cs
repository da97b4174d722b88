using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Spectre.Console;

namespace PosSlot.Host.Diag;

/// <summary>
/// `posslot diag watch`: the slot's status, refreshed every second, and the events the board pushes
/// as they come. A live Spectre.Console view on a terminal; plain lines when output is redirected.
/// </summary>
public static class DiagWatch
{
    /// <summary>
    /// Asks for the status. A poll left unanswered is forgiven while the board shows it is there
    /// (frames or other bytes keep arriving: another client typing on the line breaks our frames);
    /// a closed port, or silence for a whole request's tries, means the board is gone.
    /// </summary>
    static DiagReply? Poll(DiagSession s)
    {
        var link = s.Link;
        try
        {
            return s.Run("status");
        }
        catch (CliFailure f) when (f.ExitCode is ExitCodes.IoFailure or ExitCodes.DeviceGarbage)
        {
            if (link.Closed)
            {
                throw Lost(f.Message);
            }
            var window = link.ReplyTimeout * link.Attempts;
            var now = DateTime.UtcNow;
            if (now - link.LastFrameUtc >= window && now - link.LastByteUtc >= window)
            {
                throw Lost($"nothing arrived for {window.TotalSeconds:0.###} s, no event and no reply to {link.Attempts} status polls");
            }
            if (now - link.LastFrameUtc >= window * SilentWindows)
            {
                throw Lost($"no frame for {(window * SilentWindows).TotalSeconds:0.###} s, only bytes that are not console frames");
            }
            return null;
        }
    }

    /// <summary>How many request windows of bytes without a single frame still count as a board that is there.</summary>
    const int SilentWindows = 5;

    static CliFailure Lost(string why) => new(ExitCodes.IoFailure, "lost the board: " + why);

    public static void Run(DiagSession s, TimeSpan? duration, CancellationToken stop)
    {
        var pushed = new ConcurrentQueue<string>();
        s.Link.Pushed += body => pushed.Enqueue(body);
        s.Run("hello"); // machine mode from here on: the board pushes events as frames
        var until = duration is { } d ? DateTime.UtcNow + d : DateTime.MaxValue;
        var recent = new Queue<string>();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(s.Output) });
        bool live = !s.Json && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        string lastStatus = "";
        void Tick(Action<Table>? show)
        {
            var status = Poll(s);
            while (pushed.TryDequeue(out var e))
            {
                recent.Enqueue(e);
                if (recent.Count > 10)
                {
                    recent.Dequeue();
                }
                if (show == null)
                {
                    s.Output.WriteLine(s.Json ? e : "event " + e);
                }
            }
            if (status == null)
            {
                return; // no answer this time, but the board is still on the line
            }
            if (show != null)
            {
                var table = new Table().AddColumn("status").AddColumn("value");
                foreach (var p in status.Data.EnumerateObject())
                {
                    table.AddRow(Markup.Escape(p.Name), Markup.Escape(DiagSession.Scalar(p.Value)));
                }
                table.AddRow("[bold]recent events[/]", "");
                foreach (var e in recent)
                {
                    table.AddRow("", Markup.Escape(e));
                }
                show(table);
                return;
            }
            var line = status.Data.GetRawText();
            if (line != lastStatus)
            {
                s.Output.WriteLine(s.Json ? line : $"status health={status.Text("health")} fallback={status.Text("fallback")} insertions={status.Text("insertions_board")} card={status.Text("card")}");
                lastStatus = line;
            }
        }
        if (!live)
        {
            while (!stop.IsCancellationRequested && DateTime.UtcNow < until)
            {
                Tick(null);
                stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            }
            return;
        }
        console.Live(new Table()).Start(ctx =>
        {
            while (!stop.IsCancellationRequested && DateTime.UtcNow < until)
            {
                Tick(t => { ctx.UpdateTarget(t); ctx.Refresh(); });
                stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            }
        });
    }
}
