using System;
using PosSlot.Emulator.Running;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Host.Tests.Emulator;

/// <summary>Any scenario that passes validation runs to the end: seeded random ones, every knob in range.</summary>
[TestClass]
public class RandomScenarioTests
{
    static Scenario Random(Random rnd)
    {
        double P() => rnd.NextDouble() < 0.3 ? 0 : rnd.NextDouble();
        string[] modes = { "stuck", "open", "chatter" };
        var s = Draw(rnd, P, modes);
        // A worn contact never bounces less than a new one (ScenarioFile.Validate): the two draws, in order.
        var w = s.Wear;
        return s with
        {
            Wear = w with
            {
                BounceNewUs = Math.Min(w.BounceNewUs, w.BounceEndUs),
                BounceEndUs = Math.Max(w.BounceNewUs, w.BounceEndUs),
                EdgesNew = Math.Min(w.EdgesNew, w.EdgesEnd),
                EdgesEnd = Math.Max(w.EdgesNew, w.EdgesEnd),
            },
        };
    }

    static Scenario Draw(Random rnd, Func<double> P, string[] modes)
    {
        return new Scenario
        {
            Name = "random",
            Insertions = 200,
            InsertionsPerDay = 1 + rnd.Next(5000),
            RatedCycles = 50 + rnd.Next(100_000),
            EmiPerSecond = rnd.Next(3) == 0 ? rnd.Next(2000) : 0,
            Wear = new WearModel
            {
                Enabled = rnd.Next(4) != 0,
                LifeScale = 0.1 + rnd.NextDouble() * 50,
                StartFraction = rnd.NextDouble() * 2,
                BounceNewUs = 100 + rnd.Next(10_000),
                BounceEndUs = 100 + rnd.Next(29_900),
                EdgesNew = 1 + rnd.Next(20),
                EdgesEnd = 1 + rnd.Next(40),
                SeatDelayGrowth = rnd.NextDouble() * 3,
                SpringFailStart = rnd.NextDouble() * 2,
                SpringFailWidth = 0.01 + rnd.NextDouble(),
                InterruptionsAtEnd = P(),
            },
            Users = new UserModel { HalfInsert = P() / 2, QuickReinsert = P(), LeaveIn = P() / 10, SeatDelayMinUs = 20_000, SeatDelayMaxUs = 200_000 },
            Dirt = rnd.Next(2) == 0 ? null : new DirtModel { Onset = rnd.Next(200), Probability = P() },
            Cleanings = rnd.Next(2) == 0 ? Array.Empty<int>() : new[] { 1 + rnd.Next(200) },
            DetectFault = rnd.Next(2) == 0 ? null : new DetectFaultModel { Mode = modes[rnd.Next(3)], Onset = rnd.Next(200) },
            Reads = new ReadModel { Report = rnd.Next(4) != 0, FailProbability = P(), FailOnset = rnd.Next(300), FailProbabilityAfter = P(), ReaderFaultProbability = P() },
        };
    }

    [TestMethod]
    public void ValidRandomScenariosRunToTheEnd()
    {
        var rnd = new Random(2026);
        int ran = 0;
        for (int i = 0; i < 60; i++)
        {
            var scenario = Random(rnd);
            try
            {
                ScenarioFile.Validate(scenario, "random #" + i);
            }
            catch (ScenarioException)
            {
                continue; // out of range as drawn: the validator's job, tested elsewhere
            }
            var result = EmulationRunner.Run(scenario, i);
            Assert.AreEqual(200, result.TruthInsertions, "scenario #" + i);
            Assert.IsTrue(result.FirmwareInsertions > 0, "scenario #" + i + " saw cards");
            ran++;
        }
        Assert.IsTrue(ran >= 30, $"only {ran} of 60 drawn scenarios were valid");
    }
}
