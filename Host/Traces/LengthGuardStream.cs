using System;
using System.IO;

namespace PosSlot.Host.Traces;

/// <summary>
/// A trace file opened for reading (through InputFile: regular files only, so a device or a pipe is
/// refused before it is read) that must end where its size said when it was opened: replay reads its
/// input twice, so a file still being written is refused as soon as it gives more than that.
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
        var stream = InputFile.Open(path, "trace file", InputFile.Unlimited, 1 << 16);
        return new LengthGuardStream(stream, path, stream.Length);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = _inner.Read(buffer, offset, count);
        _read += n;
        if (_read > _length)
        {
            throw new TraceFormatException(_path, 0, "changed while reading (it grew past the size it had when opened): replay a finished recording, or a copy of it");
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
