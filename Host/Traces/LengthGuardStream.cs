using System;
using System.IO;

namespace PosSlot.Host.Traces;

/// <summary>
/// A trace file opened for reading that must end where its size says: a device or a pipe
/// (/dev/zero, /dev/urandom, a FIFO) reports no size and never ends, and replay reads its input
/// twice, so such an input is refused as soon as it gives more than its size (the end-of-input
/// guard for endless inputs).
/// </summary>
public sealed class LengthGuardStream : Stream
{
    readonly FileStream _inner;
    readonly string _path;
    readonly long _length;
    long _read;

    LengthGuardStream(FileStream inner, string path, long length)
    {
        _inner = inner;
        _path = path;
        _length = length;
    }

    public static LengthGuardStream Open(string path)
    {
        long length = new FileInfo(path).Length;
        return new LengthGuardStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path, length);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = _inner.Read(buffer, offset, count);
        _read += n;
        if (_read > _length)
        {
            throw new TraceFormatException(_path, 0, "not a regular file (a device or a pipe gives no end): save the trace to a file first");
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
