using PosSlot.Emulator.Reporting;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PosSlot.Firmware.Lines;
using PosSlot.Host.Cli;

namespace PosSlot.Host.Traces;

/// <summary>
/// Reads the two trace formats (docs/trace-format.md):
/// an edge CSV with header <c>t_us,line,level</c>, or a sample CSV starting <c># rate_hz=N</c>
/// followed by the column names (<c>detect,contact</c> or <c>detect</c>) and one row per sample.
/// Everything is checked before anything runs: one bad line fails the whole file.
/// </summary>
public static class TraceReader
{
    public const string EdgeHeader = "t_us,line,level";
    const string RatePrefix = "# rate_hz=";

    /// <summary>Largest t_us accepted: 10^15 µs (about 31.7 years), far below the core's long.MaxValue "no deadline" sentinel and any overflow in its arithmetic.</summary>
    public const long MaxTimeUs = 1_000_000_000_000_000;

    public static Trace Read(string path, bool detectOnly)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file");
        }
        using var reader = new StreamReader(path);
        return Read(reader, path, detectOnly);
    }

    public static Trace Read(TextReader reader, string name, bool detectOnly)
    {
        var first = BoundedLines.ReadLine(reader, name, 1);
        if (first == null)
        {
            throw new TraceFormatException(name, 1, "empty file: expected '" + EdgeHeader + "' or '" + RatePrefix + "N'");
        }
        first = first.TrimEnd('\r').Trim();
        if (first == EdgeHeader)
        {
            return ReadEdges(reader, name, detectOnly);
        }
        if (first.StartsWith(RatePrefix, StringComparison.Ordinal))
        {
            return ReadSamples(reader, name, first, detectOnly);
        }
        throw new TraceFormatException(name, 1, $"unknown header {Quote.Of(first)}: expected '{EdgeHeader}' or '{RatePrefix}N'");
    }

    static Trace ReadEdges(TextReader reader, string name, bool detectOnly)
    {
        var edges = new List<TraceEdge>();
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
            edges.Add(new TraceEdge(t, line, level));
            if (detectOnly && line == SlotLine.Detect)
            {
                edges.Add(new TraceEdge(t, SlotLine.Contact, level));
            }
        }
        return new Trace(edges, lastUs, null, detectOnly);
    }

    static Trace ReadSamples(TextReader reader, string name, string rateLine, bool detectOnly)
    {
        long rate = ParseLong(rateLine[RatePrefix.Length..], name, 1, "rate_hz");
        if (rate < 1 || rate > 1_000_000)
        {
            throw new TraceFormatException(name, 1, $"rate_hz {rate} is outside 1..1000000");
        }
        var header = BoundedLines.ReadLine(reader, name, 2)?.Trim();
        int[] columns = header switch
        {
            "detect,contact" => new[] { SlotLine.Detect, SlotLine.Contact },
            "detect" => new[] { SlotLine.Detect },
            null => throw new TraceFormatException(name, 2, "missing column names: expected 'detect,contact' or 'detect'"),
            _ => throw new TraceFormatException(name, 2, $"unknown columns {Quote.Of(header)}: expected 'detect,contact' or 'detect'"),
        };
        bool mirrorContact = detectOnly || columns.Length == 1;
        var extractors = new SampleEdgeExtractor[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            extractors[c] = new SampleEdgeExtractor(rate);
        }
        var edges = new List<TraceEdge>();
        long sample = 0;
        foreach (var (lineNumber, fields) in Rows(reader, name, 2, columns.Length, "values"))
        {
            long t = SampleEdgeExtractor.SampleTimeUs(sample, rate);
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
                edges.Add(new TraceEdge(t, columns[c], level));
                if (columns[c] == SlotLine.Detect && mirrorContact)
                {
                    edges.Add(new TraceEdge(t, SlotLine.Contact, level));
                }
            }
            sample++;
        }
        long endUs = sample == 0 ? 0 : SampleEdgeExtractor.SampleTimeUs(sample - 1, rate);
        return new Trace(edges, endUs, rate, mirrorContact);
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
