using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Firmware.Health;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Messages;

namespace PosSlot.Fleet.Simulation;

/// <summary>What a simulation did, for the command's summary.</summary>
public sealed record SimulationResult(TruthFile Truth, long Sent, long Milestones, long Unsent, double WallSeconds, long PeakWorkingSetBytes);

/// <summary>
/// Runs a fleet (FleetPlan) through the real agent logic (FleetAgent, with its spool in memory) and
/// a real broker, at simulated time: each board is an EmulatedBoard (the real firmware and its
/// console), fast-forwarded from its installation to the window's start, then reporting every
/// interval until the end. Boards run a few at a time (Workers), each with its own MQTT connection
/// while it runs, so memory stays bounded whatever the fleet size; a board's reports arrive in its
/// time order, boards one after another (the ingester keys everything by serial and agent_time).
/// </summary>
public static class FleetSimulator
{
    /// <summary>A finished board's spool is retried this often before its messages count as unsent.</summary>
    const int FinalFlushTries = 20;

    public static async Task<SimulationResult> Run(SimulationSettings s, Func<BoardPlan, IFleetPublisher> publisherFor, TextWriter progress, CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var plans = FleetPlan.Make(s.Boards, s.Seed, s.Start);
        var truths = new BoardTruth[plans.Count];
        long sent = 0, milestones = 0, unsent = 0, done = 0, peak = 0;
        var lastProgress = Stopwatch.StartNew();
        var progressLock = new object();
        int next = -1;
        var failures = new ConcurrentQueue<Exception>();
        // Dedicated threads, not the thread pool: the emulation is CPU-bound, and MQTTnet's receive
        // loop needs pool threads to see each PUBACK; workers holding the pool starve it.
        var threads = Enumerable.Range(0, Math.Min(s.Workers, plans.Count)).Select(_ => new Thread(() =>
        {
            int i;
            while (!ct.IsCancellationRequested && failures.IsEmpty && (i = Interlocked.Increment(ref next)) < plans.Count)
            {
                try
                {
                    var (truth, boardSent, boardMilestones, boardUnsent) = RunBoard(plans[i], s, publisherFor, ct).GetAwaiter().GetResult();
                    truths[i] = truth;
                    Interlocked.Add(ref sent, boardSent);
                    Interlocked.Add(ref milestones, boardMilestones);
                    Interlocked.Add(ref unsent, boardUnsent);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                    return;
                }
                long n = Interlocked.Increment(ref done);
                lock (progressLock)
                {
                    peak = Math.Max(peak, Environment.WorkingSet);
                    if (lastProgress.Elapsed.TotalSeconds >= 5 || n == plans.Count)
                    {
                        progress.WriteLine($"simulate: {n:N0} of {plans.Count:N0} boards, {Interlocked.Read(ref sent):N0} messages sent, {wall.Elapsed.TotalSeconds:0.0} s");
                        lastProgress.Restart();
                    }
                }
            }
        }) { IsBackground = true, Name = "fleet simulate" }).ToList();
        threads.ForEach(t => t.Start());
        await Task.Run(() => threads.ForEach(t => t.Join()), CancellationToken.None);
        if (failures.TryDequeue(out var failure))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        ct.ThrowIfCancellationRequested();
        var file = new TruthFile(FleetJson.Time(s.End), truths);
        return new SimulationResult(file, sent, milestones, unsent, wall.Elapsed.TotalSeconds, peak);
    }

    static async Task<(BoardTruth, long Sent, long Milestones, long Unsent)> RunBoard(BoardPlan plan, SimulationSettings s, Func<BoardPlan, IFleetPublisher> publisherFor, CancellationToken ct)
    {
        var board = new EmulatedBoard(plan.Scenario, plan.Seed, plan.Serial, plan.Installed);
        board.RunUntil(s.Start);
        var clock = new SimulatedClock(s.Start);
        using var spool = Spool.InMemory();
        long sent = 0, milestones = 0;
        await using (var publisher = publisherFor(plan))
        {
            var agent = new FleetAgent(new AgentSettings { Site = plan.Site, Interval = s.Interval, RetryEvery = s.Interval }, board, clock, spool, publisher, TextWriter.Null);
            var t = s.Start;
            while (true)
            {
                board.RunUntil(t);
                clock.Set(t);
                var report = await agent.Cycle(ct);
                sent += report.Sent;
                milestones += report.Milestones;
                if (t >= s.End)
                {
                    break;
                }
                t = t + s.Interval < s.End ? t + s.Interval : s.End;
            }
            for (int i = 0; i < FinalFlushTries && spool.Pending > 0; i++)
            {
                await Task.Delay(500, ct);
                sent += (await agent.Flush(ct)).Sent;
            }
        }
        var fw = board.Firmware;
        var truth = new BoardTruth
        {
            Serial = plan.Serial,
            Site = plan.Site,
            Scenario = plan.Scenario.Name,
            FailsAt = board.TruthFailedAt is { } f ? FleetJson.Time(f) : null,
            FirmwareFailedAt = board.FirmwareFailedAt is { } ff ? FleetJson.Time(ff) : null,
            FinalHealth = HealthState.Name(fw.Health.State),
            FinalFallback = fw.Fallback.Engaged,
            Installed = FleetJson.Time(plan.Installed),
            InsertionsPerDay = Math.Round(plan.Scenario.InsertionsPerDay, 1),
            Insertions = board.Insertions,
            LastEventId = spool.ReadId(plan.Serial),
        };
        return (truth, sent, milestones, spool.Pending);
    }
}
