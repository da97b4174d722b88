using System;
using System.Collections.Generic;
using System.Linq;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Fleet.Simulation;

/// <summary>
/// A seeded spread of the emulator's built-in scenarios over a fleet: each board gets a scenario
/// (weighted), a usage rate (customers a day, log-uniform in the scenario's range) and an age (days
/// since its slot and firmware were installed, so the window catches it at any point of its story).
/// The same seed gives the same fleet.
/// </summary>
public static class FleetPlan
{
    /// <summary>Weight, customers a day (low, high), and the oldest age as a share of the scenario's own length.</summary>
    sealed record Mix(string Name, int Weight, double RateLow, double RateHigh, double MaxAgeDays);

    // noisy (200 EMI glitches a second) costs ~100 times the CPU per card: fewer and quieter shops.
    static readonly Mix[] s_mix =
    [
        new("lifetime", 30, 100, 500, double.NaN),
        new("fresh", 20, 100, 500, 60),
        new("worn-spring", 10, 30, 150, double.NaN),
        new("intermittent", 10, 50, 300, double.NaN),
        new("detect-broken", 10, 50, 300, double.NaN),
        new("read-failures", 12, 50, 300, double.NaN),
        new("noisy", 8, 20, 60, 30),
    ];

    public static IReadOnlyList<string> Scenarios => s_mix.Select(m => m.Name).ToList();

    public static List<BoardPlan> Make(int boards, int seed, DateTimeOffset start)
    {
        var rnd = new Random(seed);
        int total = s_mix.Sum(m => m.Weight);
        int sites = Math.Max(1, (boards + 24) / 25);
        var plans = new List<BoardPlan>(boards);
        for (int i = 0; i < boards; i++)
        {
            int pick = rnd.Next(total);
            var mix = s_mix.First(m => (pick -= m.Weight) < 0);
            var scenario = ScenarioCatalog.Find(mix.Name)!;
            double rate = Math.Exp(rnd.NextDouble() * (Math.Log(mix.RateHigh) - Math.Log(mix.RateLow)) + Math.Log(mix.RateLow));
            // Up to the scenario's own length ago (its story may be over before the window, or not begun).
            double maxAge = double.IsNaN(mix.MaxAgeDays) ? scenario.Insertions / rate : mix.MaxAgeDays;
            double age = rnd.NextDouble() * Math.Min(maxAge, 400);
            plans.Add(new BoardPlan(
                $"SIM-{i + 1:D5}",
                $"site-{i % sites + 1:D3}",
                scenario with { InsertionsPerDay = rate },
                start - TimeSpan.FromDays(age),
                rnd.Next(1, int.MaxValue)));
        }
        return plans;
    }
}
