using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PosSlot.Fleet.Dispatch;

namespace PosSlot.Fleet.Tests.Dispatch;

[TestClass]
public sealed class DispatchOutputTests
{
    static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    static DispatchRow Row(string serial, string? fault = "worn_spring", string? advice = null) => new(1,
        new DispatchCandidate(serial, "shop-1", AsOf.AddHours(-1).ToUnixTimeMilliseconds(), 900, "online", "Degraded", fault, false,
            advice, null, 40_000, 2, 3, 5, 7),
        DispatchReason.ForecastWithinHorizon, new FailsInDays(2, 3, 5), true);

    [TestMethod]
    public void JsonHasTheDocumentedShape()
    {
        var json = JsonDocument.Parse(DispatchOutput.Json(new[] { Row("PS-1") }, AsOf, TimeSpan.FromDays(14))).RootElement;
        Assert.AreEqual("2026-06-01T12:00:00Z", json.GetProperty("as_of").GetString());
        var b = json.GetProperty("boards").EnumerateArray().Single();
        Assert.AreEqual("PS-1", b.GetProperty("serial").GetString());
        Assert.AreEqual("shop-1", b.GetProperty("site").GetString());
        Assert.AreEqual(1, b.GetProperty("rank").GetInt32());
        Assert.AreEqual("Degraded", b.GetProperty("health").GetString());
        Assert.IsFalse(b.GetProperty("fallback").GetBoolean());
        Assert.AreEqual(2.0, b.GetProperty("fails_in_days").GetProperty("low").GetDouble());
        Assert.AreEqual(3.0, b.GetProperty("fails_in_days").GetProperty("mid").GetDouble());
        Assert.AreEqual(5.0, b.GetProperty("fails_in_days").GetProperty("high").GetDouble());
        Assert.AreEqual("2026-06-01T11:00:00Z", b.GetProperty("last_seen").GetString());
        Assert.IsTrue(b.GetProperty("stale").GetBoolean());
    }

    [TestMethod]
    public void CsvQuotesWhatWouldBreakACellAndDefusesFormulas()
    {
        var w = new StringWriter();
        DispatchOutput.Csv(new[] { Row("PS,1", fault: "=HYPERLINK(\"x\")", advice: "[{\"fault\":\"worn_spring\",\"level\":\"Degraded\",\"text\":\"Plan the \\\"replacement\\\"\"}]") }, w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(2, lines.Length);
        StringAssert.Contains(lines[1], "\"PS,1\"");
        StringAssert.Contains(lines[1], "\"'=HYPERLINK(\"\"x\"\")\"");
        StringAssert.Contains(lines[1], "\"Plan the \"\"replacement\"\"\"");
    }

    [TestMethod]
    public void TheDaysSayWhetherTheBoardOrTheHostsTrendEstimatedThem()
    {
        var host = Row("PS-2") with { FailsIn = new FailsInDays(null, 4, null, ByHost: true) };
        var json = JsonDocument.Parse(DispatchOutput.Json(new[] { Row("PS-1"), host }, AsOf, TimeSpan.FromDays(14))).RootElement;
        var boards = json.GetProperty("boards").EnumerateArray().ToList();
        Assert.AreEqual("board", boards[0].GetProperty("fails_in_days").GetProperty("by").GetString());
        Assert.AreEqual("host", boards[1].GetProperty("fails_in_days").GetProperty("by").GetString());
        Assert.AreEqual("about 4 (host trend)", DispatchOutput.DaysText(host.FailsIn!));
    }

    [TestMethod]
    public void AdviceTextJoinsTheBoardsAdviceTexts()
    {
        Assert.AreEqual("Clean it. Replace it.", DispatchOutput.AdviceText("[{\"fault\":\"a\",\"level\":\"Watch\",\"text\":\"Clean it.\"},{\"fault\":\"b\",\"level\":\"Failed\",\"text\":\"Replace it.\"}]"));
        Assert.IsNull(DispatchOutput.AdviceText("[]"));
        Assert.IsNull(DispatchOutput.AdviceText(null));
    }
}
