using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Mono.Unix.Native;

namespace PosSlot.DiagClient;

/// <summary>
/// The one way posslot opens a file it reads (traces, scenarios, key files, board files, images): regular
/// files only, refused before anything can block (a FIFO without a writer is opened non-blocking and
/// refused by its type; a device by its type, not after gigabytes), at most a size that fits the kind.
/// A file that cannot be used throws CliFailure with one line: "PATH: why", exit 2 (or 3 when the
/// file is there but cannot be read).
/// </summary>
public static class InputFile
{
    public const long ScenarioMax = 1 << 20;
    public const long BoardMax = 64 << 10;
    public const long KeyMax = 4 << 10;
    /// <summary>The largest ESP32 flash (16 MB): no deployment image is bigger.</summary>
    public const long ImageMax = 16 << 20;
    public const long Unlimited = long.MaxValue;

    /// <summary>Opens PATH (a WHAT, e.g. "scenario file") for reading, checked as above.</summary>
    public static FileStream Open(string path, string what, long maxBytes, int bufferSize = 4096)
    {
        if (path.Length == 0)
        {
            throw CliFailure.BadInput($"the {what} path is empty");
        }
        if (OperatingSystem.IsWindows())
        {
            return OpenWindows(path, what, maxBytes, bufferSize);
        }
        int fd;
        Errno errno = 0;
        do
        {
            fd = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC);
            if (fd < 0)
            {
                // Read once: the conversion is itself a native call.
                errno = Stdlib.GetLastError();
            }
        }
        while (fd < 0 && errno == Errno.EINTR);
        if (fd < 0)
        {
            throw OpenFailure(path, what, errno);
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (Syscall.fstat(fd, out var st) != 0)
            {
                var statErrno = Stdlib.GetLastError();
                throw CliFailure.Io($"{ShownPath.Of(path)}: cannot read: {Stdlib.strerror(statErrno)}");
            }
            var type = st.st_mode & FilePermissions.S_IFMT;
            if (type != FilePermissions.S_IFREG)
            {
                throw CliFailure.BadInput(type == FilePermissions.S_IFDIR
                    ? $"{ShownPath.Of(path)}: is a folder, not a {what}"
                    : $"{ShownPath.Of(path)}: not a regular file ({NotRegular(type)}): give the {what} as a regular file");
            }
            CheckSize(path, what, st.st_size, maxBytes);
            // O_NONBLOCK does not change reads of a regular file; FileStream takes the handle as it is.
            return new FileStream(handle, FileAccess.Read, bufferSize);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Checks PATH could be opened as a WHAT (for --dry-run), without keeping it open.</summary>
    public static void Check(string path, string what, long maxBytes) => Open(path, what, maxBytes, 1).Dispose();

    /// <summary>The whole file as UTF-8 text (a BOM is dropped), reading at most maxBytes even if the file grows meanwhile.</summary>
    public static string ReadText(string path, string what, long maxBytes)
    {
        using var stream = Open(path, what, maxBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        try
        {
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                CheckSize(path, what, buffer.Length, maxBytes);
            }
        }
        catch (IOException e)
        {
            throw CliFailure.Io($"{ShownPath.Of(path)}: cannot read the {what}: {e.Message}");
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>What PATH is if it exists and is not a regular file ("a folder", "a device", "a pipe (FIFO)", ...), else null; never opens it.</summary>
    public static string? SpecialKind(string path)
    {
        if (Directory.Exists(path))
        {
            return "a folder";
        }
        if (OperatingSystem.IsWindows() || Syscall.stat(path, out var st) != 0)
        {
            return null;
        }
        var type = st.st_mode & FilePermissions.S_IFMT;
        return type == FilePermissions.S_IFREG ? null : NotRegular(type);
    }

    static void CheckSize(string path, string what, long size, long maxBytes)
    {
        if (size > maxBytes)
        {
            throw CliFailure.BadInput($"{ShownPath.Of(path)}: too large for a {what} ({size:N0} bytes; at most {maxBytes:N0})");
        }
    }

    static string NotRegular(FilePermissions type) => type switch
    {
        FilePermissions.S_IFCHR or FilePermissions.S_IFBLK => "a device",
        FilePermissions.S_IFIFO => "a pipe (FIFO)",
        FilePermissions.S_IFSOCK => "a socket",
        _ => "a special file",
    };

    static CliFailure OpenFailure(string path, string what, Errno errno) => errno switch
    {
        Errno.ENOENT => CliFailure.BadInput($"{ShownPath.Of(path)}: no such file"),
        Errno.ENOTDIR => CliFailure.BadInput($"{ShownPath.Of(path)}: no such file (a part of the path is not a folder)"),
        Errno.EACCES or Errno.EPERM => CliFailure.Io($"{ShownPath.Of(path)}: cannot read the {what}: permission denied"),
        Errno.ENAMETOOLONG => CliFailure.BadInput($"{ShownPath.Of(path)}: the path is too long"),
        _ => CliFailure.Io($"{ShownPath.Of(path)}: cannot read the {what}: {Stdlib.strerror(errno)}"),
    };

    static FileStream OpenWindows(string path, string what, long maxBytes, int bufferSize)
    {
        if (Directory.Exists(path))
        {
            throw CliFailure.BadInput($"{ShownPath.Of(path)}: is a folder, not a {what}");
        }
        if (!File.Exists(path))
        {
            throw CliFailure.BadInput($"{ShownPath.Of(path)}: no such file");
        }
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
            try
            {
                CheckSize(path, what, stream.Length, maxBytes);
                return stream;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Io($"{ShownPath.Of(path)}: cannot read the {what}: {(e is UnauthorizedAccessException ? "permission denied" : e.Message)}");
        }
    }
}
