using PosSlot.Firmware.Console;

namespace PosSlot.DiagClient;

/// <summary>Reads a device key file (posslot keygen) with one clear reason when it cannot.</summary>
public static class KeyFiles
{
    /// <summary>The key, or null and why not (a key file is a few lines: InputFile refuses devices, pipes, folders and anything over 4 KB).</summary>
    public static DeviceKey? Load(string path, out string why)
    {
        string text;
        try
        {
            text = InputFile.ReadText(path, "key file", InputFile.KeyMax);
        }
        catch (CliFailure e)
        {
            // InputFile names the path; the caller names the option and the path.
            why = StripPath(e.Message, path);
            return null;
        }
        var key = DeviceKey.Parse(text, out var error);
        why = error ?? "";
        return key;
    }

    static string StripPath(string message, string path)
    {
        var prefix = ShownPath.Of(path) + ": ";
        return message.StartsWith(prefix, System.StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }
}
