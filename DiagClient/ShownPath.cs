using System.Text;

namespace PosSlot.DiagClient;

/// <summary>A path inside a message: as typed, or in quotes when it has spaces or odd characters, so where it ends is clear.</summary>
public static class ShownPath
{
    public static string Of(string path)
    {
        bool plain = path.Length > 0;
        foreach (char c in path)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\'' or '"')
            {
                plain = false;
                break;
            }
        }
        if (plain)
        {
            return path;
        }
        var b = new StringBuilder("'");
        foreach (char c in path)
        {
            if (char.IsControl(c))
            {
                b.Append("\\x").Append(((int)c).ToString("x2"));
            }
            else
            {
                b.Append(c == '\'' ? "\\'" : c.ToString());
            }
        }
        return b.Append('\'').ToString();
    }
}
