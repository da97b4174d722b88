using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using PosSlot.Firmware.Console;

namespace PosSlot.Host.Cli;

/// <summary><c>posslot keygen --serial SN --out FILE [--force]</c>: a new random device key for one board.</summary>
public static class KeygenCommand
{
    public static Command Create()
    {
        var serial = new Option<string>("--serial") { Description = "The board's serial number (1-32 of A-Z a-z 0-9 - _).", Required = true };
        var outFile = new Option<string>("--out") { Description = "Where to write the key file (readable by you only). Deploy it with posslot flash --key-file.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing file (the old key stops working on boards that have the new one)." };
        var c = new Command("keygen", "Make a device key file: a board's serial and a random 256-bit key for console authentication.") { serial, outFile, force };
        c.SetAction(p =>
        {
            var sn = p.GetValue(serial)!;
            var path = p.GetValue(outFile)!;
            if (!DeviceKey.IsSerial(sn))
            {
                throw CliFailure.BadInput($"--serial {sn}: use 1-32 of A-Z a-z 0-9 - _");
            }
            if (InputFile.SpecialKind(path) is { } kind)
            {
                // Checked before opening: a FIFO would block the write, a folder gave "Access denied".
                throw CliFailure.BadInput($"--out {ShownPath.Of(path)}: is {kind}; give a file name for the key");
            }
            if (File.Exists(path) && !p.GetValue(force))
            {
                throw CliFailure.BadInput($"--out {ShownPath.Of(path)} exists; keys are not overwritten without --force");
            }
            var key = new DeviceKey { Serial = sn, Key = RandomNumberGenerator.GetBytes(DeviceKey.KeyBytes) };
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!System.OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var w = new StreamWriter(path, System.Text.Encoding.ASCII, options);
                w.Write(key.Format());
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
            {
                throw CliFailure.Io($"--out {ShownPath.Of(path)}: cannot write: {(e is System.UnauthorizedAccessException ? "permission denied" : e is DirectoryNotFoundException ? "its folder does not exist" : e.Message)}");
            }
            p.InvocationConfiguration.Output.WriteLine($"key for {sn} written to {ShownPath.Of(path)}: keep it secret; flash it with posslot flash --key-file {ShownPath.Of(path)}");
            return ExitCodes.Ok;
        });
        return c;
    }
}
