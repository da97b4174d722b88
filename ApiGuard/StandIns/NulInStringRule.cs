using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PosSlot.ApiGuard.StandIns;

/// <summary>
/// What compiles on both frameworks but runs differently: nanoFramework keeps a string as NUL-terminated
/// UTF-8, so a U+0000 inside a string literal (or a '\0' char concatenated into one) cuts the string
/// there on the device. Binary data belongs in byte[] or char[].
/// </summary>
public static class NulInStringRule
{
    static readonly SyntaxKind[] StringTokens =
    {
        SyntaxKind.StringLiteralToken, SyntaxKind.Utf8StringLiteralToken, SyntaxKind.InterpolatedStringTextToken,
        SyntaxKind.SingleLineRawStringLiteralToken, SyntaxKind.MultiLineRawStringLiteralToken,
        SyntaxKind.Utf8SingleLineRawStringLiteralToken, SyntaxKind.Utf8MultiLineRawStringLiteralToken,
    };

    /// <summary>Each offending literal as FILE(LINE,COL): message, FILE relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<SyntaxTree> trees, string root)
    {
        var found = new List<string>();
        foreach (var tree in trees)
        {
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (StringTokens.Contains(token.Kind()) && token.ValueText.Contains('\0'))
                {
                    found.Add(Describe(token, root, "U+0000 inside a string literal: nanoFramework's strings end there; build the input as a byte[] or char[]"));
                }
                else if (token.IsKind(SyntaxKind.CharacterLiteralToken) && token.ValueText == "\0" && IsConcatenated(token))
                {
                    found.Add(Describe(token, root, "'\\0' concatenated into a string: nanoFramework's strings end there; build the input as a byte[] or char[]"));
                }
            }
        }
        return found;
    }

    static bool IsConcatenated(SyntaxToken token)
    {
        var literal = token.Parent;
        var parent = literal?.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }
        return parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)
            || parent is ArgumentSyntax { Parent.Parent: ObjectCreationExpressionSyntax { Type: var t } } && t.ToString() is "string" or "String" or "System.String";
    }

    static string Describe(SyntaxToken token, string root, string message)
    {
        var span = token.GetLocation().GetLineSpan();
        return $"{NanoCompiler.Relative(root, span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {message}";
    }
}
