using System;
using System.IO;
using PosSlot.Firmware.Console;

namespace PosSlot.DiagClient;

/// <summary>Reads a device key file (posslot keygen) with one clear reason when it cannot.</summary>
public static class KeyFiles
{
    public static DeviceKey? Load(string path, out string why)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                why = "no such file";
                return null;
            }
            if (info.Length > 4096)
            {
                why = "too large for a key file (a key file is a few lines)";
                return null;
            }
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = e.Message;
            return null;
        }
        var key = DeviceKey.Parse(text, out var error);
        why = error ?? "";
        return key;
    }
}
