using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Spectre.Console;

namespace PosSlot.Host.Diag;

/// <summary>
/// `posslot diag watch`: the events the board pushes as they come, and the slot's status (asked every
/// second, printed when it changes). A live Spectre.Console view on a terminal; one readable line per
/// event or status when output is redirected; JSON Lines with --json (WatchLines).
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
        var pushed = new BlockingCollection<(string Body, DateTime At)>();
        s.Link.Pushed += body => pushed.Add((body, DateTime.UtcNow));
        s.Run("hello"); // machine mode from here on: the board pushes events as frames
        var until = duration is { } d ? DateTime.UtcNow + d : DateTime.MaxValue;
        var recent = new Queue<string>();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(s.Output) });
        bool live = !s.Json && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        string lastSummary = "";
        DiagReply? lastStatus = null;

        // Events are printed as they come; the status is asked for once a second.
        void Loop(Action? redraw)
        {
            var nextPoll = DateTime.UtcNow;
            while (!stop.IsCancellationRequested && DateTime.UtcNow < until)
            {
                if (DateTime.UtcNow >= nextPoll)
                {
                    var status = Poll(s);
                    nextPoll = DateTime.UtcNow + TimeSpan.FromSeconds(1);
                    lastStatus = status ?? lastStatus;
                    if (status != null && WatchLines.Summary(status.Data) != lastSummary)
                    {
                        lastSummary = WatchLines.Summary(status.Data);
                        if (redraw == null)
                        {
                            s.Output.WriteLine(s.Json ? WatchLines.Json("status", status.Data, DateTime.UtcNow) : WatchLines.Status(status.Data, DateTime.UtcNow));
                        }
                    }
                    redraw?.Invoke();
                }
                var wait = nextPoll - DateTime.UtcNow;
                if (wait > TimeSpan.Zero && pushed.TryTake(out var e, (int)Math.Ceiling(wait.TotalMilliseconds), stop) && Data(e.Body) is { } data)
                {
                    var line = WatchLines.Event(data, e.At);
                    recent.Enqueue(line);
                    if (recent.Count > 10)
                    {
                        recent.Dequeue();
                    }
                    if (redraw == null)
                    {
                        s.Output.WriteLine(s.Json ? WatchLines.Json("event", data, e.At) : line);
                    }
                    redraw?.Invoke();
                }
            }
        }

        try
        {
            if (!live)
            {
                Loop(null);
                return;
            }
            console.Live(new Table()).Start(ctx => Loop(() =>
            {
                var table = new Table().AddColumn("status").AddColumn("value");
                foreach (var p in lastStatus?.Data.EnumerateObject() ?? Enumerable.Empty<System.Text.Json.JsonProperty>())
                {
                    table.AddRow(Markup.Escape(p.Name), Markup.Escape(DiagSession.Scalar(p.Value)));
                }
                var events = new Table().AddColumn("recent events");
                foreach (var line in recent)
                {
                    events.AddRow(Markup.Escape(line));
                }
                ctx.UpdateTarget(new Rows(table, events));
                ctx.Refresh();
            }));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C while waiting for an event: watch ends normally.
        }
    }

    /// <summary>A pushed frame's data object; a body that is not the documented JSON is skipped (watch tolerates what is not an event).</summary>
    static System.Text.Json.JsonElement? Data(string body)
    {
        try
        {
            var reply = DiagReply.Parse(body);
            return reply.Ok ? reply.Data : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }
}
