using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PosSlot.DiagClient;

/// <summary>
/// Why a port path would not open as a serial port, asked only after System.IO.Ports failed (so a
/// real port is opened once, never toggling DTR an extra time): a folder, a regular file, /dev/null
/// or a pipe is not a terminal device, which System.IO.Ports reports as "access denied".
/// </summary>
static class SerialPath
{
    public static CliFailure? NotASerialPort(string port)
    {
        if (Directory.Exists(port))
        {
            return CliFailure.BadInput($"{port}: not a serial port (a folder)");
        }
        int nonBlock, noCtty;
        if (OperatingSystem.IsLinux())
        {
            (nonBlock, noCtty) = (0x800, 0x100);
        }
        else if (OperatingSystem.IsMacOS())
        {
            (nonBlock, noCtty) = (0x4, 0x20000);
        }
        else
        {
            return null;
        }
        int fd = open(port, nonBlock | noCtty); // read-only, and without waiting for a pipe's writer
        if (fd < 0)
        {
            return null; // not ours to open (the dialout group): the caller says so
        }
        try
        {
            return isatty(fd) == 1 ? null : CliFailure.BadInput($"{port}: not a serial port (not a terminal device: a file, /dev/null or a pipe); give the board's port, e.g. /dev/ttyUSB0");
        }
        finally
        {
            close(fd);
        }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc")]
    static extern int isatty(int fd);

    [DllImport("libc")]
    static extern int close(int fd);
}
