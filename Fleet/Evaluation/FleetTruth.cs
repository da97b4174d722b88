using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PosSlot.Fleet.Evaluation;

/// <summary>What really happened in a simulated fleet (posslot fleet simulate --truth): when each slot failed, if it did.</summary>
public sealed record FleetTruth(DateTimeOffset End, IReadOnlyDictionary<string, TruthBoard> Boards)
{
    /// <summary>Reads {"end": ISO, "boards": [{"serial", "site", "scenario", "fails_at": ISO or null}]}; FormatException with a reason.</summary>
    public static FleetTruth Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var end = Time(root.GetProperty("end").GetString());
            var boards = new Dictionary<string, TruthBoard>(StringComparer.Ordinal);
            foreach (var b in root.GetProperty("boards").EnumerateArray())
            {
                var serial = b.GetProperty("serial").GetString() ?? throw new FormatException("a board without a serial");
                var failsAt = b.TryGetProperty("fails_at", out var f) && f.ValueKind == JsonValueKind.String ? Time(f.GetString()) : (DateTimeOffset?)null;
                var scenario = b.TryGetProperty("scenario", out var s) ? s.GetString() ?? "" : "";
                if (!boards.TryAdd(serial, new TruthBoard(serial, b.GetProperty("site").GetString() ?? "", scenario, failsAt)))
                {
                    throw new FormatException($"serial {serial} is listed twice");
                }
            }
            return new FleetTruth(end, boards);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not a truth file ({\"end\", \"boards\": [{\"serial\", \"site\", \"scenario\", \"fails_at\"}]}): " + e.Message);
        }
    }

    public static FleetTruth Load(string path) => Parse(File.ReadAllText(path));

    static DateTimeOffset Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : throw new FormatException($"'{text}' is not an ISO time");

    public DateTimeOffset Start(IEnumerable<long> firstSeenMs) => DateTimeOffset.FromUnixTimeMilliseconds(firstSeenMs.DefaultIfEmpty(End.ToUnixTimeMilliseconds()).Min());
}

public sealed record TruthBoard(string Serial, string Site, string Scenario, DateTimeOffset? FailsAt);
