using System.Linq;
using System.Text.Json;
using PosSlot.Emulator.Scenarios;
using PosSlot.Host.Cli;
using PosSlot.Host.Tests.Support;

namespace PosSlot.Host.Tests.Emulate;

/// <summary>
/// Fallback when the slot fails, not days later (docs/health.md, "The failure line"): through the
/// command line, the lag from the truth's failure to the firmware's fallback stays within
/// [MostEarly, MostLate] insertions; a slot that never fails never falls back.
/// The per-run bound is checked by EmulateAcceptanceTests' sweep of every scenario and seed 1-5.
/// </summary>
[TestClass]
public class FallbackTimingTests
{
    public const long MostLate = 300;
    public const long MostEarly = -500;
    public const long MedianLate = 150;

    public static void AssertLagWithinBounds(JsonElement truth, JsonElement fw)
    {
        long? failure = Nullable(truth.GetProperty("failure_at_insertion"));
        long? fallback = Nullable(fw.GetProperty("fallback_at_insertion"));
        if (failure == null)
        {
            Assert.IsNull(fallback, $"fallback engaged at #{fallback} on a slot that never failed");
            return;
        }
        Assert.IsNotNull(fallback, $"the slot failed at #{failure} and fallback never engaged");
        long lag = fallback.Value - failure.Value;
        Assert.IsTrue(lag >= MostEarly && lag <= MostLate, $"fallback at #{fallback}, slot failed at #{failure}: lag {lag}");
    }

    static long? Nullable(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();

    static long Lag(string scenario, int seed)
    {
        var run = CliRun.Of("emulate", "--json", "--scenario", scenario, "--seed", seed.ToString());
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var root = JsonDocument.Parse(run.Output).RootElement;
        return root.GetProperty("firmware").GetProperty("fallback_at_insertion").GetInt64()
            - root.GetProperty("truth").GetProperty("failure_at_insertion").GetInt64();
    }

    [TestMethod]
    public void MedianLagOverEveryFailingScenarioAndSeedIsAtMost150()
    {
        var failing = ScenarioCatalog.All.Where(s => s.Name is not ("fresh" or "noisy" or "read-failures")).Select(s => s.Name).ToArray();
        Assert.AreEqual(5, failing.Length);
        var lags = (from s in failing from seed in Enumerable.Range(1, 5) select Lag(s, seed)).OrderBy(l => l).ToArray();
        long median = lags[lags.Length / 2];
        Assert.IsTrue(median <= MedianLate, $"median lag {median}: {string.Join(" ", lags)}");
    }

    [TestMethod]
    [DataRow("worn-spring")]
    [DataRow("intermittent")]
    public void EachFastFailureHasAMedianLagOfAtMost150OverSeeds1To5(string scenario)
    {
        var lags = Enumerable.Range(1, 5).Select(seed => Lag(scenario, seed)).OrderBy(l => l).ToArray();
        Assert.IsTrue(lags[2] <= MedianLate, $"{scenario} median lag {lags[2]}: {string.Join(" ", lags)}");
    }

    [TestMethod]
    [DataRow("lifetime")]
    [DataRow("worn-spring")]
    [DataRow("detect-broken")]
    public void PaymentsHurtAfterTheFailureAreOnlyThoseOfTheLag(string scenario)
    {
        var run = CliRun.Of("emulate", "--json", "--scenario", scenario, "--seed", "2");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        var root = JsonDocument.Parse(run.Output).RootElement;
        var fw = root.GetProperty("firmware");
        long lag = fw.GetProperty("fallback_at_insertion").GetInt64() - root.GetProperty("truth").GetProperty("failure_at_insertion").GetInt64();
        long retried = fw.GetProperty("payments_retried").GetInt64();
        long after = fw.GetProperty("payments_retried_after_failure").GetInt64();
        Assert.IsTrue(retried > 0, "a failing slot hurts payments before it fails");
        Assert.IsTrue(after <= retried);
        Assert.IsTrue(after <= System.Math.Max(0, lag), $"{after} payments hurt after the failure, lag {lag}: once fallback engages the slot hurts no one");
    }

    [TestMethod]
    public void SummaryShowsThePaymentsTheSlotHurt()
    {
        var run = CliRun.Of("emulate", "--scenario", "fresh", "--seed", "1");
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "payments retried");
        StringAssert.Contains(run.Output, "0 of them after it had failed");
    }
}
