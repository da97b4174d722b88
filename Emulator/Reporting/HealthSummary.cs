using System.Collections.Generic;
using PosSlot.Firmware;
using PosSlot.Firmware.Health;

namespace PosSlot.Emulator.Reporting;

/// <summary>One raised fault flag, as the tools show it.</summary>
public sealed record FlagSummary(string Fault, string Level, string Reason, bool InProbation, string AdviceEn, string AdviceZh);

/// <summary>What the firmware concluded about the slot, in names rather than codes.</summary>
public sealed record HealthSummary(string Health, IReadOnlyList<FlagSummary> Flags, bool FallbackEngaged, long? FallbackAtInsertion)
{
    public static HealthSummary Of(SlotFirmware fw)
    {
        var flags = new List<FlagSummary>();
        for (int f = 0; f < FaultClass.Count; f++)
        {
            int level = fw.Health.Level(f);
            if (level == HealthState.Healthy)
            {
                continue;
            }
            flags.Add(new FlagSummary(FaultClass.Name(f), HealthState.Name(level), ReasonCode.Name(fw.Health.Reason(f)),
                fw.Health.InProbation(f), Advice.For(f, Advice.English), Advice.For(f, Advice.Chinese)));
        }
        bool engaged = fw.Fallback.Engaged;
        return new HealthSummary(HealthState.Name(fw.Health.State), flags, engaged,
            engaged ? fw.Fallback.EngagedAtInsertion : null);
    }
}
