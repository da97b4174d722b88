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
            var status = s.Run("status");
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
