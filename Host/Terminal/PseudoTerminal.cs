using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PosSlot.Host.Terminal;

/// <summary>
/// A pseudo-terminal pair made with posix_openpt (Linux, macOS): the emulator owns the master side,
/// a technician's terminal or `posslot diag` opens SlavePath like any serial port. The slave is set
/// raw (no echo, no line editing: the console does its own) and kept open here, so a client that
/// closes and reopens the port does not hang the master up.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    const int O_RDWR = 2;
    const int O_NOCTTY_LINUX = 0x100;
    const int O_NOCTTY_MAC = 0x20000;
    const int TCSANOW = 0;

    [DllImport("libc", SetLastError = true)] static extern int posix_openpt(int flags);
    [DllImport("libc", SetLastError = true)] static extern int grantpt(int fd);
    [DllImport("libc", SetLastError = true)] static extern int unlockpt(int fd);
    [DllImport("libc", SetLastError = true)] static extern IntPtr ptsname(int fd);
    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)] static extern int open(string path, int flags);
    [DllImport("libc", SetLastError = true)] static extern int tcgetattr(int fd, byte[] termios);
    [DllImport("libc", SetLastError = true)] static extern int tcsetattr(int fd, int when, byte[] termios);
    [DllImport("libc")] static extern void cfmakeraw(byte[] termios);
    [DllImport("libc", SetLastError = true)] static extern int close(int fd);

    readonly SafeFileHandle _master;
    readonly int _slaveFd;

    public string SlavePath { get; }

    /// <summary>The master side: read what the client sends, write what it should receive.</summary>
    public Stream Master { get; }

    PseudoTerminal(SafeFileHandle master, int slaveFd, string path)
    {
        _master = master;
        _slaveFd = slaveFd;
        SlavePath = path;
        Master = new FileStream(master, FileAccess.ReadWrite, bufferSize: 0);
    }

    public static PseudoTerminal Open()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("pseudo-terminals need Linux or macOS; on Windows use --console stdio with a virtual COM pair (com0com)");
        }
        int noctty = OperatingSystem.IsMacOS() ? O_NOCTTY_MAC : O_NOCTTY_LINUX;
        int master = posix_openpt(O_RDWR | noctty);
        if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
        {
            throw new IOException($"cannot create a pseudo-terminal (errno {Marshal.GetLastPInvokeError()})");
        }
        string path = Marshal.PtrToStringAnsi(ptsname(master)) ?? throw new IOException("ptsname gave no path");
        int slave = open(path, O_RDWR | noctty);
        if (slave < 0)
        {
            close(master);
            throw new IOException($"cannot open {path} (errno {Marshal.GetLastPInvokeError()})");
        }
        // termios is at most 60 bytes on Linux and 72 on macOS: a larger buffer holds either.
        var termios = new byte[256];
        if (tcgetattr(slave, termios) == 0)
        {
            cfmakeraw(termios);
            tcsetattr(slave, TCSANOW, termios);
        }
        return new PseudoTerminal(new SafeFileHandle((IntPtr)master, ownsHandle: true), slave, path);
    }

    public void Dispose()
    {
        Master.Dispose();
        _master.Dispose();
        close(_slaveFd);
    }
}
