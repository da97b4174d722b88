namespace PosSlot.Emulator.Physics;

/// <summary>One timed thing the simulated slot does to the firmware's inputs.</summary>
public struct Stimulus
{
    public long TimeUs;
    public int Order;
    public StimulusKind Kind;
    public int Line;
    public int Level;
}

public enum StimulusKind : byte
{
    /// <summary>The line's physical level becomes Level.</summary>
    Physical,

    /// <summary>An EMI glitch flips the line until the matching GlitchEnd.</summary>
    GlitchStart,
    GlitchEnd,

    /// <summary>The terminal reports a chip read (Level 1 = ok).</summary>
    ReadResult,
}
