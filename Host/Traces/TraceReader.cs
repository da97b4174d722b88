using PosSlot.Emulator.Reporting;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PosSlot.Firmware.Lines;
using PosSlot.Host.Cli;

namespace PosSlot.Host.Traces;

/// <summary>
/// Reads the two trace formats (docs/trace-format.md), streaming: an edge CSV with header
/// <c>t_us,line,level</c>, or a sample CSV starting <c># rate_hz=N</c> followed by the column
/// names (<c>detect,contact</c> or <c>detect</c>) and one row per sample. Edges() yields the edges
/// as it parses, holding nothing but the current line, so any size of trace reads in constant
/// memory; a bad line throws TraceFormatException where it is. (replay reads a file twice: once to
/// check all of it before anything runs, once to run it.)
/// </summary>
public sealed class TraceReader : IDisposable
{
    public const string EdgeHeader = "t_us,line,level";
    const string RatePrefix = "# rate_hz=";

    /// <summary>Largest t_us accepted: 10^15 µs (about 31.7 years), far below the core's limit (Time.MaxUs, 2^62) and its long.MaxValue "no deadline".</summary>
    public const long MaxTimeUs = 1_000_000_000_000_000;

    readonly TextReader _reader;
    readonly string _name;
    readonly bool _detectOnly;
    readonly string _firstLine;
    bool _started;

    TraceReader(TextReader reader, string name, bool detectOnly)
    {
        _reader = reader;
        _name = name;
        _detectOnly = detectOnly;
        var first = BoundedLines.ReadLine(reader, name, 1);
        if (first == null)
        {
            throw new TraceFormatException(name, 1, "empty file: expected '" + EdgeHeader + "' or '" + RatePrefix + "N'");
        }
        _firstLine = first.TrimEnd('\r').Trim();
        if (_firstLine == EdgeHeader)
        {
            DetectOnly = detectOnly;
            return;
        }
        if (!_firstLine.StartsWith(RatePrefix, StringComparison.Ordinal))
        {
            throw new TraceFormatException(name, 1, $"unknown header {Quote.Of(_firstLine)}: expected '{EdgeHeader}' or '{RatePrefix}N'");
        }
        SampleRateHz = ParseLong(_firstLine[RatePrefix.Length..], name, 1, "rate_hz");
        if (SampleRateHz < 1 || SampleRateHz > 1_000_000)
        {
            throw new TraceFormatException(name, 1, $"rate_hz {SampleRateHz} is outside 1..1000000");
        }
    }

    /// <summary>Opens a trace file (a regular file: see LengthGuardStream) and reads its header.</summary>
    public static TraceReader Open(string path, bool detectOnly)
    {
        var stream = LengthGuardStream.Open(path);
        try
        {
            return new TraceReader(new StreamReader(stream), path, detectOnly) { FileLength = stream.Length };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public static TraceReader Of(TextReader reader, string name, bool detectOnly) => new(reader, name, detectOnly);

    /// <summary>The file's size when it was opened (null for a reader given by the caller).</summary>
    public long? FileLength { get; private init; }

    /// <summary>The sample rate, or null for an edge recording.</summary>
    public long? SampleRateHz { get; }

    /// <summary>True when the contact line is taken to follow detect (set once Edges() has read a sample header).</summary>
    public bool DetectOnly { get; private set; }

    /// <summary>After Edges() has run to the end: how many edges and when the recording ended.</summary>
    public long EdgeCount { get; private set; }
    public long EndUs { get; private set; }

    /// <summary>The edges in time order, parsed as they are read; can be enumerated once.</summary>
    public IEnumerable<TraceEdge> Edges()
    {
        if (_started)
        {
            throw new InvalidOperationException("a trace is read once");
        }
        _started = true;
        var edges = SampleRateHz is { } rate ? ReadSamples(rate) : ReadEdges();
        foreach (var edge in edges)
        {
            EdgeCount++;
            yield return edge;
        }
    }

    public void Dispose() => _reader.Dispose();

    IEnumerable<TraceEdge> ReadEdges()
    {
        string name = _name;
        bool detectOnly = _detectOnly;
        var reader = _reader;
        long lastUs = 0;
        foreach (var (lineNumber, fields) in Rows(reader, name, 1, 3, "fields (t_us,line,level)"))
        {
            long t = ParseLong(fields[0], name, lineNumber, "t_us");
            if (t < 0)
            {
                throw new TraceFormatException(name, lineNumber, $"t_us {t} is negative");
            }
            if (t > MaxTimeUs)
            {
                throw new TraceFormatException(name, lineNumber, $"t_us {t} is beyond the maximum {MaxTimeUs} (about 31 years)");
            }
            if (t < lastUs)
            {
                throw new TraceFormatException(name, lineNumber, $"time goes backwards: {t} after {lastUs}");
            }
            int line = SlotLine.Parse(fields[1].Trim());
            if (line < 0)
            {
                throw new TraceFormatException(name, lineNumber, $"unknown line {Quote.Of(fields[1].Trim())}: expected detect, contact or reader_fault");
            }
            int level = ParseLevel(fields[2], name, lineNumber);
            lastUs = t;
            if (detectOnly && line == SlotLine.Contact)
            {
                continue;
            }
            EndUs = t;
            yield return new TraceEdge(t, line, level);
            if (detectOnly && line == SlotLine.Detect)
            {
                yield return new TraceEdge(t, SlotLine.Contact, level);
            }
        }
        EndUs = lastUs;
    }

    IEnumerable<TraceEdge> ReadSamples(long rate)
    {
        string name = _name;
        var reader = _reader;
        var header = BoundedLines.ReadLine(reader, name, 2)?.Trim();
        int[] columns = header switch
        {
            "detect,contact" => new[] { SlotLine.Detect, SlotLine.Contact },
            "detect" => new[] { SlotLine.Detect },
            null => throw new TraceFormatException(name, 2, "missing column names: expected 'detect,contact' or 'detect'"),
            _ => throw new TraceFormatException(name, 2, $"unknown columns {Quote.Of(header)}: expected 'detect,contact' or 'detect'"),
        };
        bool mirrorContact = _detectOnly || columns.Length == 1;
        DetectOnly = mirrorContact;
        var extractors = new SampleEdgeExtractor[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            extractors[c] = new SampleEdgeExtractor(rate);
        }
        long sample = 0;
        foreach (var (lineNumber, fields) in Rows(reader, name, 2, columns.Length, "values"))
        {
            long t = SampleTime(sample, rate, name, lineNumber);
            for (int c = 0; c < columns.Length; c++)
            {
                int level = ParseLevel(fields[c], name, lineNumber);
                if (!extractors[c].Sample(sample, level))
                {
                    continue;
                }
                if (columns[c] == SlotLine.Contact && mirrorContact)
                {
                    continue;
                }
                yield return new TraceEdge(t, columns[c], level);
                if (columns[c] == SlotLine.Detect && mirrorContact)
                {
                    yield return new TraceEdge(t, SlotLine.Contact, level);
                }
            }
            sample++;
            EndUs = t;
        }
        EndUs = sample == 0 ? 0 : SampleEdgeExtractor.SampleTimeUs(sample - 1, rate);
    }

    /// <summary>Sample n's time, refused past MaxTimeUs (a 1 Hz trace reaches it after 10^9 rows) like an edge's t_us.</summary>
    public static long SampleTime(long sample, long rate, string name, int lineNumber)
    {
        if (sample > MaxTimeUs / 1_000_000 * rate)
        {
            throw new TraceFormatException(name, lineNumber, $"sample {sample} at {rate} Hz is beyond the maximum time {MaxTimeUs} us (about 31 years)");
        }
        return SampleEdgeExtractor.SampleTimeUs(sample, rate);
    }

    /// <summary>The data rows after the header lines: 1-based line number and the comma-separated fields, blank lines skipped.</summary>
    static IEnumerable<(int LineNumber, string[] Fields)> Rows(TextReader reader, string name, int headerLines, int width, string what)
    {
        int lineNumber = headerLines;
        for (var text = BoundedLines.ReadLine(reader, name, lineNumber + 1); text != null; text = BoundedLines.ReadLine(reader, name, lineNumber + 1))
        {
            lineNumber++;
            text = text.Trim();
            if (text.Length == 0)
            {
                continue;
            }
            var fields = text.Split(',');
            if (fields.Length != width)
            {
                throw new TraceFormatException(name, lineNumber, $"expected {width} {what}, found {fields.Length}");
            }
            yield return (lineNumber, fields);
        }
    }

    static long ParseLong(string field, string name, int lineNumber, string what)
    {
        if (!long.TryParse(field.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            if (System.Numerics.BigInteger.TryParse(field.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw new TraceFormatException(name, lineNumber, $"{what} {Quote.Of(field.Trim())} is too large (maximum {MaxTimeUs})");
            }
            throw new TraceFormatException(name, lineNumber, $"{what} {Quote.Of(field.Trim())} is not a whole number");
        }
        return value;
    }

    static int ParseLevel(string field, string name, int lineNumber)
    {
        return field.Trim() switch
        {
            "0" => 0,
            "1" => 1,
            var other => throw new TraceFormatException(name, lineNumber, $"level {Quote.Of(other)} must be 0 or 1"),
        };
    }
}
