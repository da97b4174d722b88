using System;
using System.Collections.Generic;
using PosSlot.Fleet.Messages;

namespace PosSlot.Fleet.Tests.Messages;

/// <summary>Messages as an agent builds them, for the schema tests.</summary>
static class Samples
{
    public static StateMessage State(string site = "shop-7", string serial = "PS-0001") => new()
    {
        Serial = serial,
        Site = site,
        Status = StateMessage.Online,
        AgentTime = FleetJson.Time(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)),
        IntervalS = 900,
        Board = new BoardInfo("PosSlot", "esp32-devkitc", "1.0.0", 3600, 86_400, 2),
        Health = "Watch",
        Fault = "contact_wear",
        Fallback = new FallbackInfo(false, "auto"),
        Advice = new AdviceInfo(
            [new AdviceItem("contact_wear", "Watch", "Plan a slot replacement.")],
            [new AdviceItem("contact_wear", "Watch", "计划更换卡槽。")]),
        Counters = new CounterInfo { InsertionsBoard = 41_000, InsertionsSlot = 41_000, RatedLife = 50_000, Boots = 2, CountsExact = true },
        Wear = new WearInfo
        {
            Trend = true,
            LifeUsedPct = 82.1,
            BounceMeanUs = 4100,
            SeatDelayMeanUs = 98_000,
            FailedInInsertions = 9000,
            FailedInDays = new DaysRange(20, 30, 41),
            Faults = [new FaultLevel("contact_wear", "Watch", "bounce_growth", false)],
        },
        LastEventId = 12,
        Spool = new SpoolInfo { Pending = 0, Dropped = 3, DroppedReasons = new Dictionary<string, long> { ["spool_full_state"] = 3 } },
    };

    public static EventsMessage Events(string site = "shop-7", string serial = "PS-0001") => new()
    {
        Serial = serial,
        Site = site,
        AgentTime = "2026-03-01T12:00:00Z",
        Events = [new Milestone(11, 123_456, "health_changed", 40_990, "Healthy -> Watch (bounce_growth)"), new Milestone(12, 130_000, "fallback_engaged", 40_999, "slot_failure_rate")],
        Routine = [new RoutineCount { Event = "read_failed", Count = 4, LastTMs = 129_000, LastInsertion = 40_998 }],
    };
}
