using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosSlot.Fleet.Dispatch;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Web.Pages;

namespace PosSlot.Fleet.Web;

/// <summary>
/// posslot fleet serve: the dispatcher's page over the fleet store, read-only (GET only: no write action
/// exists, so none needs a login). Pages: / (fleet at a glance and the dispatch table), /board/{serial},
/// /api/dispatch (the same JSON as posslot fleet dispatch --json).
/// </summary>
public sealed class FleetWebApp : IAsyncDisposable
{
    readonly WebApplication _app;

    /// <summary>The address it listens on, e.g. http://127.0.0.1:8080 (the real port when 0 was asked).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    FleetWebApp(WebApplication app) => _app = app;

    /// <summary>Starts listening on ENDPOINT ("127.0.0.1:8080"; port 0 picks a free one).</summary>
    public static async Task<FleetWebApp> StartAsync(IFleetStore store, IPEndPoint endpoint, Func<DateTimeOffset>? clock = null, CancellationToken cancel = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        var app = builder.Build();
        var now = clock ?? (() => DateTimeOffset.UtcNow);
        Map(app, store, now);
        var web = new FleetWebApp(app);
        await app.StartAsync(cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        web.Address = new Uri(address);
        return web;
    }

    static void Map(WebApplication app, IFleetStore store, Func<DateTimeOffset> now)
    {
        app.MapGet("/", async (HttpContext http, string? site, string? horizon, CancellationToken cancel) =>
        {
            var (span, horizonText) = Horizon(horizon);
            if (span is null)
            {
                return Results.BadRequest(horizonText);
            }
            site = string.IsNullOrEmpty(site) ? null : site;
            var asOf = now();
            var all = await store.ReadBoardsAsync(null, cancel);
            var boards = site is null ? all : all.Where(b => b.Site == site).ToList();
            var visits = DispatchPlanner.Plan(boards.Select(DispatchSource.FromCurrent), asOf, span.Value);
            var sites = all.Select(b => b.Site).Distinct().Order(StringComparer.Ordinal).ToList();
            return Results.Content(OverviewPage.Render(boards, visits, asOf, horizonText, site, sites), "text/html; charset=utf-8");
        });
        app.MapGet("/board/{serial}", async (string serial, CancellationToken cancel) =>
        {
            var board = (await store.ReadBoardsAsync(null, cancel)).FirstOrDefault(b => b.Serial == serial);
            if (board is null)
            {
                return Results.NotFound($"no board {serial} in the store");
            }
            var history = await store.ReadHistoryAsync(serial, null, null, cancel);
            var milestones = await store.ReadMilestonesAsync(serial, cancel);
            return Results.Content(BoardPage.Render(board, history, milestones, now()), "text/html; charset=utf-8");
        });
        app.MapGet("/api/dispatch", async (string? site, string? horizon, CancellationToken cancel) =>
        {
            var (span, text) = Horizon(horizon);
            if (span is null)
            {
                return Results.BadRequest(text);
            }
            var asOf = now();
            var candidates = await DispatchSource.ReadAsync(store, null, string.IsNullOrEmpty(site) ? null : site, cancel);
            return Results.Content(DispatchOutput.Json(DispatchPlanner.Plan(candidates, asOf, span.Value), asOf, span.Value), "application/json");
        });
        app.MapGet("/assets/{name}", (string name) =>
        {
            var stream = typeof(FleetWebApp).Assembly.GetManifestResourceStream("assets/" + name);
            if (stream is null)
            {
                return Results.NotFound();
            }
            return Results.Stream(stream, name.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript");
        });
    }

    static (TimeSpan? Span, string Text) Horizon(string? text)
    {
        var t = string.IsNullOrWhiteSpace(text) ? "14d" : text;
        try
        {
            return (DispatchOptions.ParseHorizon(t), t);
        }
        catch (FormatException e)
        {
            return (null, "horizon: " + e.Message);
        }
    }

    public Task WaitForShutdownAsync(CancellationToken cancel) => _app.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
