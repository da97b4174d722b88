using System;

namespace PosSlot.Emulator.Scenarios;

/// <summary>A scenario that cannot be run, with what is wrong with it.</summary>
public sealed class ScenarioException(string message) : Exception(message);
