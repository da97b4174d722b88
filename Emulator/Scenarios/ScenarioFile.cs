using PosSlot.Emulator.Reporting;
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using PosSlot.Firmware.Health;

namespace PosSlot.Emulator.Scenarios;

/// <summary>Reads and checks a scenario JSON file (docs/scenario-format.md). Unknown fields are errors.</summary>
public static class ScenarioFile
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A key given twice is a typo or a merge gone wrong; the last one must not win in silence.
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads a scenario file of the repository's own (examples/scenarios); posslot reads a user's file through InputFile and Parse.</summary>
    public static Scenario Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException($"{path}: no such file, and no built-in scenario of that name (see --list)");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>A scenario from its JSON text; SOURCE (the path as shown) starts every message.</summary>
    public static Scenario Parse(string json, string source)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{source}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: {JsonProblem(e)}");
        }
        if (scenario == null)
        {
            throw new ScenarioException($"{source}: empty scenario");
        }
        Validate(scenario, source);
        return scenario;
    }

    /// <summary>The JSON error in the user's words: where (the field path) and what, without .NET type names.</summary>
    static string JsonProblem(JsonException e)
    {
        var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : Quote.Escaped(e.Path.TrimStart('$', '.')) + ": ";
        var message = e.Message;
        if (message.Contains("uplicate", StringComparison.Ordinal))
        {
            return field + "given twice (each field once)";
        }
        var missing = System.Text.RegularExpressions.Regex.Match(message, "missing required properties including: '([^']*)'");
        if (missing.Success)
        {
            return field + $"needs {Quote.Escaped(missing.Groups[1].Value)} too (see docs/scenario-format.md)";
        }
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return field + "unknown field (see docs/scenario-format.md)";
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return field + "wrong type or value out of range for this field (see docs/scenario-format.md)";
        }
        return field + "not valid JSON";
    }

    public static void Validate(Scenario s, string source)
    {
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                throw new ScenarioException($"{source}: {problem}");
            }
        }
        // null in the file overrides a default: every object and text field must be present when named.
        Check(s.Name != null, "name must not be null");
        Check(s.Description != null, "description must not be null");
        Check(s.Wear != null, "wear must not be null (leave it out for the default)");
        Check(s.Users != null, "users must not be null (leave it out for the default)");
        Check(s.Reads != null, "reads must not be null (leave it out for the default)");
        Check(s.Cleanings != null, "cleanings must not be null (use [] for none)");
        Check(s.DetectFault == null || s.DetectFault.Mode != null, "detect_fault.mode must not be null");
        Check(s.StartDate.Year >= 2000 && s.StartDate.Year <= 2100, "start_date must be in 2000..2100");
        Check(s.InsertionsPerDay >= 1 && s.InsertionsPerDay <= 100_000, "insertions_per_day must be 1..100000");
        Check(s.Wear!.StartFraction >= 0 && s.Wear.StartFraction <= 1, "wear.start_fraction must be 0..1");
        Check(s.Wear.EdgesNew >= 1 && s.Wear.EdgesNew <= 100 && s.Wear.EdgesEnd >= 1 && s.Wear.EdgesEnd <= 100,
            "wear.edges_new and wear.edges_end must be 1..100");
        Check(s.Wear.LifeScale <= 100, "wear.life_scale must be at most 100");
        Check(s.Wear.SeatDelayGrowth >= 0 && s.Wear.SeatDelayGrowth <= 10, "wear.seat_delay_growth must be 0..10");
        Check(s.Wear.SpringFailStart >= 0 && s.Wear.SpringFailStart <= 10, "wear.spring_fail_start must be 0..10");
        Check(s.Dirt == null || s.Dirt.Onset >= 0, "dirt.onset must be 0 or more");
        Check(s.DetectFault == null || s.DetectFault.Onset >= 0, "detect_fault.onset must be 0 or more");
        Check(s.Reads!.FailOnset >= 0, "reads.fail_onset must be 0 or more");
        Check(s.Insertions > 0, "insertions must be positive");
        Check(s.InsertionsPerDay > 0, "insertions_per_day must be positive");
        Check(s.RatedCycles > 0, "rated_cycles must be positive");
        // Measured (issue 11): a healthy slot stays Healthy and counts every card at 2000 and 3000/s; at 5000/s the
        // detect line is flagged as chattering at card #0, so the range keeps a margin below that.
        Check(s.EmiPerSecond >= 0 && s.EmiPerSecond <= 2_000, "emi_per_second must be 0..2000 (more is read as a chattering switch)");
        Check(s.Wear.LifeScale > 0, "wear.life_scale must be positive");
        Check(s.PowerCuts >= 0 && s.PowerCuts <= 100_000, "power_cuts must be 0..100000");
        Check(s.Wear.BounceNewUs >= 100 && s.Wear.BounceEndUs >= 100, "wear bounce spans must be at least 100 us");
        Check(s.Wear.BounceNewUs <= 30_000 && s.Wear.BounceEndUs <= 30_000, "wear bounce spans must be at most 30000 us");
        // A contact bounces longer and more as it wears, never less: an inverted pair is a swapped typo.
        Check(s.Wear.BounceEndUs >= s.Wear.BounceNewUs,
            $"wear.bounce_end_us {s.Wear.BounceEndUs} is below wear.bounce_new_us {s.Wear.BounceNewUs}: a worn contact bounces at least as long as a new one");
        Check(s.Wear.EdgesEnd >= s.Wear.EdgesNew,
            $"wear.edges_end {s.Wear.EdgesEnd} is below wear.edges_new {s.Wear.EdgesNew}: a worn contact bounces at least as often as a new one");
        Check(s.Wear.SpringFailWidth > 0, "wear.spring_fail_width must be positive");
        Check(s.Users!.SeatDelayMinUs > 5_000 && s.Users.SeatDelayMaxUs >= s.Users.SeatDelayMinUs, "users seat delay must be above 5 ms, min <= max");
        // A card still not seated after the firmware's 5 s detect-release timeout is taken as a stuck switch.
        Check(s.Users.SeatDelayMaxUs * (1 + s.Wear.SeatDelayGrowth * 2.25) < 4_000_000,
            "users.seat_delay_max_us with wear.seat_delay_growth must keep seating under 4 s (the firmware takes longer as a stuck detect switch)");
        foreach (var (name, p) in new[] { ("users.half_insert", s.Users.HalfInsert), ("users.quick_reinsert", s.Users.QuickReinsert),
            ("users.leave_in", s.Users.LeaveIn), ("reads.fail_probability", s.Reads.FailProbability),
            ("reads.fail_probability_after", s.Reads.FailProbabilityAfter), ("reads.reader_fault_probability", s.Reads.ReaderFaultProbability),
            ("dirt.probability", s.Dirt?.Probability ?? 0), ("wear.interruptions_at_end", s.Wear.InterruptionsAtEnd) })
        {
            Check(p >= 0 && p <= 1, $"{name} must be a probability (0..1)");
        }
        Check(s.DetectFault == null || s.DetectFault.Mode is "stuck" or "open" or "chatter",
            $"detect_fault.mode {Quote.Of(s.DetectFault?.Mode)} must be stuck, open or chatter");
        Check(s.Cleanings!.All(c => c > 0), "cleanings are insertion numbers (positive)");
        var faults = Enumerable.Range(0, FaultClass.Count).Select(FaultClass.Name).ToArray();
        Check(s.ExpectFlag == null || faults.Contains(s.ExpectFlag), $"expect_flag {Quote.Of(s.ExpectFlag)} must be one of {string.Join(", ", faults)}");
    }
}
