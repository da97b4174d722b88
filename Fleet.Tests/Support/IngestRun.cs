using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PosSlot.Fleet.Ingest;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Tests.Support;

/// <summary>An ingester running in the background against a test broker and store, stopped by the test.</summary>
public sealed class IngestRun : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly StringWriter log = new();

    public FleetIngester Ingester { get; }
    public Task Running { get; }

    /// <summary>What the ingester logged (drop details, database trouble).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private IngestRun(IFleetStore store, IngestOptions options)
    {
        Ingester = new FleetIngester(store, options with { Log = TextWriter.Synchronized(log) });
        Running = Task.Run(() => Ingester.RunAsync(stop.Token));
    }

    public static IngestOptions Options(MosquittoBroker broker, string clientId) => new()
    {
        Broker = BrokerUrl.Parse(broker.Url),
        Username = MosquittoBroker.Ingester,
        Password = broker.Password(MosquittoBroker.Ingester),
        ClientId = clientId,
        MaxBackoff = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>Starts one and waits until it is subscribed.</summary>
    public static async Task<IngestRun> Start(IFleetStore store, IngestOptions options)
    {
        var run = new IngestRun(store, options);
        await Until(() => run.Ingester.Subscribed || run.Running.IsCompleted, "the ingester subscribed");
        if (run.Running.IsFaulted)
        {
            await run.Running;
        }
        return run;
    }

    /// <summary>Waits (bounded) until a condition on the store holds.</summary>
    public static async Task Until(Func<bool> done, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"waited {seconds} s for {what}");
            }
            await Task.Delay(50);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> done, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"waited {seconds} s for {what}");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }
}
