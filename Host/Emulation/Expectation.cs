using System.Linq;
using PosSlot.Emulator.Running;

namespace PosSlot.Host.Emulation;

/// <summary>
/// A scenario's expect_flag against the run: met when the firmware raised that fault at some point. Checked only
/// when the scenario ran its own length: a run cut short by --insertions may end before the fault can show.
/// A checked expectation that was missed makes emulate exit 1.
/// </summary>
public sealed record Expectation(string? Flag, bool Checked, long? RaisedAtInsertion)
{
    public bool Missed => Flag != null && Checked && RaisedAtInsertion == null;

    public static Expectation Of(EmulationResult r, int? insertionsOverride)
    {
        bool fullLength = insertionsOverride == null || insertionsOverride >= r.Scenario.Insertions;
        var flag = r.Scenario.ExpectFlag;
        var first = flag == null ? null : r.FlagHistory.FirstOrDefault(f => f.Fault == flag);
        return new Expectation(flag, flag != null && fullLength, first?.Insertion);
    }

    /// <summary>One line for the text summary, or null when the scenario expects nothing.</summary>
    public string? Text() => Flag == null ? null
        : RaisedAtInsertion is { } at ? $"Expected flag {Flag}: raised at #{at:N0}."
        : Checked ? $"Expected flag {Flag}: NOT raised (exit 1)."
        : $"Expected flag {Flag}: not raised yet; not checked, --insertions made the run shorter than the scenario's.";
}
