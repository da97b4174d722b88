using System.IO;
using System.Text;

namespace PosSlot.Host.Traces;

/// <summary>
/// ReadLine with a length limit: a trace line is a few dozen characters, so a longer one (a binary file,
/// /dev/zero, a 50 MB line) is an error after MaxChars instead of memory growing without end.
/// </summary>
public static class BoundedLines
{
    public const int MaxChars = 4096;

    /// <summary>The next line without its end, or null at the end of input; throws TraceFormatException past MaxChars.</summary>
    public static string? ReadLine(TextReader reader, string name, int lineNumber)
    {
        var line = new StringBuilder();
        while (true)
        {
            int c = reader.Read();
            if (c < 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }
            if (c == '\n')
            {
                return line.ToString();
            }
            if (line.Length == MaxChars)
            {
                throw new TraceFormatException(name, lineNumber, $"line longer than {MaxChars} characters (not a trace?)");
            }
            line.Append((char)c);
        }
    }
}
