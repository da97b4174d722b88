using System;
using System.IO;
using System.Text;

namespace PosSlot.Host.Cli;

/// <summary>
/// The command's standard output: a write that fails (a full disk, /dev/full, a closed pipe's EIO) stops the
/// command with "cannot write output" and exit 3, instead of a crash or a message that blames the input.
/// </summary>
public sealed class GuardedOutput(TextWriter inner) : TextWriter
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // the base setter allows null; so does Inner's
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <summary>True when OUTPUT is the process's own standard output (guarded or not).</summary>
    public static bool IsConsole(TextWriter output) => (output is GuardedOutput g ? g.Inner : output) == Console.Out;

    public override void Write(char value) => Guard(() => Inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => Inner.Write(buffer, index, count));

    public override void Write(string? value) => Guard(() => Inner.Write(value));

    public override void WriteLine(string? value) => Guard(() => Inner.WriteLine(value));

    public override void WriteLine() => Guard(() => Inner.WriteLine());

    public override void Flush() => Guard(Inner.Flush);

    static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw CliFailure.Io("cannot write output: " + e.Message.TrimEnd('.', ' ') + " (standard output)");
        }
    }
}
