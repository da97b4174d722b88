using System.Collections.Generic;
using PosSlot.Fleet.Store;

namespace PosSlot.Fleet.Tests.Support;

/// <summary>Store records for tests: a board's state at an agent time, and an events message.</summary>
public static class FleetSamples
{
    public static StateRecord State(string serial, long agentTimeMs, string health = "Healthy", long insertions = 1000, string site = "shop-1") => new()
    {
        Serial = serial,
        Site = site,
        AgentTimeMs = agentTimeMs,
        Status = "online",
        BoardTimeMs = agentTimeMs / 2,
        IntervalS = 900,
        Health = health,
        Fault = health == "Healthy" ? null : "contact_wear",
        FallbackEngaged = health == "Failed",
        AdviceEn = "[]",
        AdviceZh = "[]",
        Insertions = insertions,
        LifeUsedPct = insertions / 1000.0,
        BounceMeanUs = 300 + (insertions / 100.0),
        SeatDelayMeanUs = 5000,
        ForecastLowDays = 20,
        ForecastMidDays = 30,
        ForecastHighDays = 45,
        PaymentsRetried = 0,
        LastEventId = 0,
        Json = $"{{\"serial\":\"{serial}\",\"t\":{agentTimeMs}}}",
    };

    public static StateRecord Offline(string serial, long agentTimeMs, string site = "shop-1") => new()
    {
        Serial = serial,
        Site = site,
        AgentTimeMs = agentTimeMs,
        Status = "offline",
        Json = $"{{\"serial\":\"{serial}\",\"status\":\"offline\"}}",
    };

    public static EventsRecord Events(string serial, long agentTimeMs, long[] ids, params RoutineRecord[] routine)
    {
        var list = new List<MilestoneRecord>();
        foreach (var id in ids)
        {
            list.Add(new MilestoneRecord(id, id * 1000, "health", id * 10, "{\"to\":\"Watch\"}"));
        }
        return new EventsRecord { Serial = serial, Site = "shop-1", AgentTimeMs = agentTimeMs, Milestones = list, Routine = routine };
    }
}
