using System;
using System.Collections.Generic;
using System.Linq;

namespace PosSlot.Emulator.Scenarios;

/// <summary>The built-in scenarios, listed by <c>posslot emulate --list</c>.</summary>
public static class ScenarioCatalog
{
    public const string Default = "lifetime";

    public static IReadOnlyList<Scenario> All { get; } = new[]
    {
        new Scenario
        {
            Name = "fresh",
            Description = "A new slot in a busy shop for a week: everything should stay Healthy.",
            Insertions = 2000,
            ExpectFlag = null,
        },
        new Scenario
        {
            Name = "lifetime",
            Description = "A new 50,000-cycle slot driven past its rated life until the spring stops seating cards.",
            Insertions = 62_000,
            ExpectFlag = "contact_wear",
        },
        new Scenario
        {
            Name = "worn-spring",
            Description = "A slot whose contact spring fatigues fast: cards seat later, then not at all.",
            Insertions = 5000,
            Wear = new WearModel { StartFraction = 0.6, LifeScale = 12, SeatDelayGrowth = 1.5, BounceEndUs = 2600, EdgesEnd = 6, InterruptionsAtEnd = 0 },
            RatedCycles = 50_000,
            ExpectFlag = "loose_spring",
        },
        new Scenario
        {
            Name = "intermittent",
            Description = "Dirt gets in at card 1,000 and the contact drops out under cards; a technician cleans the slot at card 2,500.",
            Insertions = 3500,
            Dirt = new DirtModel { Onset = 1000, Probability = 0.35 },
            Cleanings = new[] { 2500 },
            ExpectFlag = "intermittent_contact",
        },
        new Scenario
        {
            Name = "detect-broken",
            Description = "The card-detect switch bends and sticks closed at card 800; cards are then seen on the contact alone.",
            Insertions = 1500,
            // A half-inserted card under a stuck detect switch touches nothing the slot can sense.
            Users = new UserModel { HalfInsert = 0 },
            DetectFault = new DetectFaultModel { Mode = "stuck", Onset = 800 },
            ExpectFlag = "detect_switch",
        },
        new Scenario
        {
            Name = "read-failures",
            Description = "From card 1,000 the reader fails one chip read in three and its fault line pulses now and then.",
            Insertions = 2500,
            Reads = new ReadModel { FailOnset = 1000, FailProbabilityAfter = 0.33, ReaderFaultProbability = 0.05 },
            ExpectFlag = "read_failures",
        },
        new Scenario
        {
            Name = "noisy",
            Description = "A healthy slot next to a noisy motor: EMI glitches under 50 us on both lines, and restless customers.",
            Insertions = 3000,
            EmiPerSecond = 200,
            Users = new UserModel { HalfInsert = 0.03, QuickReinsert = 0.05, LeaveIn = 0.02 },
            ExpectFlag = null,
        },
        new Scenario
        {
            Name = "power-cut",
            Description = "A slot wearing out ten times faster than rated on a flaky supply: 60 power cuts (during cards, inside flash writes, between cards).",
            Insertions = 6000,
            Wear = new WearModel { LifeScale = 10 },
            PowerCuts = 60,
            ExpectFlag = "contact_wear",
        },
    };

    public static Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
