using System;
using PosSlot.Emulator.Scenarios;

namespace PosSlot.Fleet.Simulation;

/// <summary>One simulated reader: its identity, its scenario (at its usage rate), when it was installed and its seed.</summary>
public sealed record BoardPlan(string Serial, string Site, Scenario Scenario, DateTimeOffset Installed, int Seed);
