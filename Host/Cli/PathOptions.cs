using System.CommandLine;

namespace PosSlot.Host.Cli;

/// <summary>
/// The options of every command that name a file or folder: an empty value ('') is a usage error
/// (exit 2) at parse time, so no command gets as far as creating or opening "".
/// </summary>
public static class PathOptions
{
    static readonly string[] Names = ["--out", "--report", "--image", "--key-file", "--dir", "--scenario", "--board", "--port"];

    public static void RefuseEmpty(Command command)
    {
        foreach (var option in command.Options)
        {
            if (System.Array.IndexOf(Names, option.Name) >= 0)
            {
                var name = option.Name;
                option.Validators.Add(result =>
                {
                    foreach (var token in result.Tokens)
                    {
                        if (token.Value.Length == 0)
                        {
                            result.AddError($"{name}: the value is empty");
                        }
                    }
                });
            }
        }
        foreach (var sub in command.Subcommands)
        {
            RefuseEmpty(sub);
        }
    }
}
