using System.IO;
using PosSlot.Emulator.Reporting;

namespace PosSlot.Host.Reporting;

/// <summary>The health part of a text report: state, flags with reasons, advice, fallback.</summary>
public static class HealthText
{
    public static void Write(HealthSummary health, TextWriter output)
    {
        output.WriteLine($"health: {health.Health}");
        output.WriteLine(health.FallbackEngaged
            ? $"fallback: ENGAGED since insertion #{health.FallbackAtInsertion}: payments go to the external reader"
            : "fallback: off (payments on the slot)");
        foreach (var flag in health.Flags)
        {
            output.WriteLine($"flag: {flag.Fault} {flag.Level} ({flag.Reason}){(flag.InProbation ? ", on probation after cleaning" : "")}");
            output.WriteLine($"  advice: {flag.AdviceEn}");
            output.WriteLine($"  建议: {flag.AdviceZh}");
        }
    }
}
