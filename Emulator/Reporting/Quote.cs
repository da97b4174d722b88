using System.Text;

namespace PosSlot.Emulator.Reporting;

/// <summary>Offending input quoted in a message: at most 80 characters, control bytes escaped, so a binary or huge input gives one short line.</summary>
public static class Quote
{
    public const int MaxChars = 80;

    public static string Of(string? text) => text == null ? "null" : "'" + Escaped(text) + "'";

    /// <summary>The same, without the quotes: for a field name or path inside a message.</summary>
    public static string Escaped(string text)
    {
        var b = new StringBuilder(text.Length > MaxChars ? MaxChars + 8 : text.Length + 2);
        int n = 0;
        foreach (char c in text)
        {
            if (n == MaxChars)
            {
                b.Append("...");
                break;
            }
            n++;
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || char.IsSurrogate(c) || c == '\uFFFD')
            {
                b.Append("\\x").Append(((int)c & 0xFFFF).ToString(c > 0xff ? "x4" : "x2"));
            }
            else
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }
}
