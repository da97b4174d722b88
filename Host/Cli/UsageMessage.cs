using PosSlot.Emulator.Reporting;
using System.Linq;
using System.Text.RegularExpressions;

namespace PosSlot.Host.Cli;

/// <summary>Turns System.CommandLine's parse errors into messages without .NET type names, quoting the bad value briefly.</summary>
public static partial class UsageMessage
{
    public static string Of(string message)
    {
        var m = CannotParse().Match(message);
        if (m.Success)
        {
            return $"{m.Groups[2].Value} {m.Groups[3].Value}: {Quote.Of(m.Groups[1].Value)} is not {Kind(m.Groups[4].Value)}";
        }
        var among = NotAmong().Match(message);
        if (among.Success)
        {
            // System.CommandLine lists the allowed values one per line; one line here.
            var allowed = AllowedValue().Matches(among.Groups[2].Value).Select(v => v.Groups[1].Value);
            return $"{Quote.Of(among.Groups[1].Value)} is not one of {string.Join(", ", allowed)}";
        }
        var unrecognized = Unrecognized().Match(message);
        if (unrecognized.Success)
        {
            return $"unknown command, option or extra argument {Quote.Of(unrecognized.Groups[1].Value)}";
        }
        return message.TrimEnd('.');
    }

    static string Kind(string type) => type.Contains("Int32") || type.Contains("Int64")
        ? (type.Contains("Int64") ? "a whole number that fits 64 bits" : "a whole number within -2147483648..2147483647")
        : "a valid value";

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (option|argument|command) '([^']*)' (?:as expected type|of type) '([^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex AllowedValue();

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();
}
