using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Playwright;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Web;

namespace PosSlot.Fleet.Tests.Web;

/// <summary>
/// The dispatcher's page in a real browser: Debian's headless Chromium driven by Playwright (no browser
/// download), against a SQLite store. Screenshots go to the test results folder.
/// </summary>
[TestClass]
public sealed class DispatchPageBrowserTests
{
    const string Chromium = "/usr/bin/chromium";
    static readonly DateTimeOffset Now = new(2026, 6, 20, 12, 0, 0, TimeSpan.Zero);

    public TestContext TestContext { get; set; } = null!;

    static StateRecord State(string serial, string site, DateTimeOffset at, string health, long insertions, bool fallback = false, double? mid = null, double bounce = 300) => new()
    {
        Serial = serial, Site = site, AgentTimeMs = at.ToUnixTimeMilliseconds(), Status = "online", IntervalS = 900,
        Health = health, Fault = health == "Healthy" ? "none" : "worn_spring", FallbackEngaged = fallback, Insertions = insertions,
        BounceMeanUs = bounce, SeatDelayMeanUs = bounce * 2, ForecastLowDays = mid * 0.7, ForecastMidDays = mid, ForecastHighDays = mid * 1.4,
        PaymentsRetried = fallback ? 12 : 0, AdviceEn = health == "Healthy" ? "[]" : "[{\"fault\":\"worn_spring\",\"level\":\"" + health + "\",\"text\":\"Plan the slot replacement.\"}]",
        Json = $"{{\"serial\":\"{serial}\",\"t\":{at.ToUnixTimeMilliseconds()}}}",
    };

    /// <summary>A small fleet: two sites, every health, one board with a 20-report trend and milestones.</summary>
    static async Task<string> FillStore()
    {
        var path = Path.Combine(Path.GetTempPath(), $"posslot-web-{Guid.NewGuid():N}.db");
        await using var store = await FleetStoreLocation.Parse("sqlite:" + path).OpenAsync();
        var items = new List<StoreItem>
        {
            State("A-ok", "north", Now.AddMinutes(-5), "Healthy", 1_000),
            State("A-watch", "north", Now.AddMinutes(-5), "Watch", 30_000, mid: 9),
            State("A-ext", "north", Now.AddMinutes(-5), "Failed", 61_000, fallback: true),
            State("B-fail", "south", Now.AddHours(-3), "Failed", 58_000),
            State("B-soon", "south", Now.AddMinutes(-5), "Degraded", 45_000, mid: 2.5),
            State("B-far", "south", Now.AddMinutes(-5), "Watch", 20_000, mid: 80),
        };
        for (int i = 0; i < 20; i++)
        {
            items.Add(State("B-soon", "south", Now.AddDays(-20 + i), i < 12 ? "Watch" : "Degraded", 25_000 + i * 1_000, mid: 22.5 - i, bounce: 300 + i * 40));
        }
        items.Add(new EventsRecord
        {
            Serial = "B-soon", Site = "south", AgentTimeMs = Now.AddDays(-8).ToUnixTimeMilliseconds(),
            Milestones = [new MilestoneRecord(1, 1_000, "flag_raised", 30_000, null), new MilestoneRecord(2, 2_000, "health_changed", 37_000, "{\"to\":\"Degraded\"}")],
            Routine = [],
        });
        await store.WriteAsync(items);
        return path;
    }

    [TestMethod]
    public async Task ThePageShowsTheStoreSortsFiltersAndOpensABoard()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Fail($"{Chromium} is missing: apt-get install chromium (.ci/run installs it)");
        }
        var db = await FillStore();
        var shots = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "dispatch-page");
        Directory.CreateDirectory(shots);
        await using var store = await FleetStoreLocation.Parse("sqlite:" + db).OpenAsync();
        await using var web = await FleetWebApp.StartAsync(store, new IPEndPoint(IPAddress.Loopback, 0), () => Now);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: a loaded 2-core CI machine renders slowly; a real failure still ends the test.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        try
        {
            await page.GotoAsync(web.Address.ToString());
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "overview.png"), FullPage = true });

            // The tiles and the table agree with the store.
            var boards = await store.ReadBoardsAsync();
            Assert.AreEqual(boards.Count(b => b.Health == "Failed").ToString(), await page.Locator("[data-tile=Failed] b").InnerTextAsync());
            Assert.AreEqual("1", await page.Locator("[data-tile='on external reader'] b").InnerTextAsync());
            Assert.AreEqual(2, await page.Locator("figure svg").CountAsync(), "the health and days-left pictures");
            CollectionAssert.AreEqual(new[] { "A-ext", "B-fail", "B-soon", "A-watch" }, (await Serials(page)).ToArray(), "ranked: external reader, Failed, soonest forecast");

            // Sorting by days left puts the soonest first and boards without a forecast last.
            await page.Locator("#dispatch th", new() { HasText = "days left" }).ClickAsync();
            CollectionAssert.AreEqual(new[] { "B-soon", "A-watch", "A-ext", "B-fail" }, (await Serials(page)).ToArray());
            await page.Locator("#dispatch th", new() { HasText = "days left" }).ClickAsync();
            Assert.AreEqual("A-watch", (await Serials(page))[0], "descending: the latest forecast first");

            // Filtering by site reloads the list with that site only; a shorter horizon drops A-watch (9 days, 6.3 at the soonest).
            await page.SelectOptionAsync("select[name=site]", "north");
            await page.WaitForURLAsync("**site=north**");
            CollectionAssert.AreEqual(new[] { "A-ext", "A-watch" }, (await Serials(page)).ToArray());
            await page.FillAsync("input[name=horizon]", "5d");
            await page.Locator("input[name=horizon]").DispatchEventAsync("change");
            await page.WaitForURLAsync("**horizon=5d**");
            CollectionAssert.AreEqual(new[] { "A-ext" }, (await Serials(page)).ToArray());
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "filtered.png"), FullPage = true });

            // A board's page: its trend and its milestones, as stored.
            await page.GotoAsync(web.Address.ToString());
            await page.Locator("#dispatch a", new() { HasText = "B-soon" }).ClickAsync();
            await page.WaitForURLAsync("**/board/B-soon");
            Assert.AreEqual("B-soon", await page.Locator("#serial").InnerTextAsync());
            var milestones = await store.ReadMilestonesAsync("B-soon");
            Assert.AreEqual(milestones.Count, await page.Locator("#milestones tbody tr").CountAsync());
            StringAssert.Contains(await page.Locator("#milestones").InnerTextAsync(), "health_changed");
            Assert.AreEqual(3, await page.Locator("figure svg").CountAsync(), "bounce, seat delay and the forecast band");
            StringAssert.Contains(await page.Locator("#summary").InnerTextAsync(), "Degraded");
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "board.png"), FullPage = true });
            TestContext.WriteLine($"screenshots: {shots}");
        }
        finally
        {
            File.Delete(db);
        }
    }

    [TestMethod]
    public async Task ThePageIsReadOnly()
    {
        var db = await FillStore();
        try
        {
            await using var store = await FleetStoreLocation.Parse("sqlite:" + db).OpenAsync();
            await using var web = await FleetWebApp.StartAsync(store, new IPEndPoint(IPAddress.Loopback, 0), () => Now);
            using var http = new System.Net.Http.HttpClient { BaseAddress = web.Address };
            foreach (var path in new[] { "/", "/board/B-soon", "/api/dispatch" })
            {
                var post = await http.PostAsync(path, new System.Net.Http.StringContent("x"));
                Assert.AreEqual(HttpStatusCode.MethodNotAllowed, post.StatusCode, path);
            }
            Assert.AreEqual(HttpStatusCode.NotFound, (await http.GetAsync("/board/nosuch")).StatusCode);
            Assert.AreEqual(HttpStatusCode.BadRequest, (await http.GetAsync("/?horizon=soon")).StatusCode);
            var json = await http.GetStringAsync("/api/dispatch?site=south");
            StringAssert.Contains(json, "\"B-fail\"");
            Assert.IsFalse(json.Contains("\"A-ext\"", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(db);
        }
    }

    static async Task<List<string>> Serials(IPage page) =>
        (await page.Locator("#dispatch tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.serial)")).ToList();
}
