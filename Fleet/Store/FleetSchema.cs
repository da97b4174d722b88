using System.Collections.Generic;

namespace PosSlot.Fleet.Store;

/// <summary>
/// The store's tables, one migration per schema version (applied in order on open, recorded in store_version).
/// Written once for both engines: {int} and {real} become each engine's 64-bit integer and double types.
/// </summary>
public static class FleetSchema
{
    public static readonly IReadOnlyList<string[]> Migrations =
    [
        // Version 1.
        [
            """
            CREATE TABLE board_current (
                serial TEXT PRIMARY KEY,
                site TEXT NOT NULL,
                agent_time_ms {int} NOT NULL,
                board_time_ms {int},
                status TEXT NOT NULL,
                interval_s {int},
                health TEXT,
                fault TEXT,
                fallback_engaged {int},
                advice_en TEXT,
                advice_zh TEXT,
                insertions {int},
                life_used_pct {real},
                forecast_low_days {real},
                forecast_mid_days {real},
                forecast_high_days {real},
                payments_retried {int},
                last_event_id {int},
                state_json TEXT NOT NULL,
                stored_ms {int} NOT NULL)
            """,
            "CREATE INDEX board_current_site ON board_current (site)",
            """
            CREATE TABLE board_history (
                serial TEXT NOT NULL,
                agent_time_ms {int} NOT NULL,
                digest {int} NOT NULL,
                site TEXT NOT NULL,
                board_time_ms {int},
                status TEXT NOT NULL,
                health TEXT,
                fault TEXT,
                fallback_engaged {int},
                insertions {int},
                life_used_pct {real},
                bounce_mean_us {real},
                seat_delay_mean_us {real},
                forecast_low_days {real},
                forecast_mid_days {real},
                forecast_high_days {real},
                payments_retried {int},
                PRIMARY KEY (serial, agent_time_ms, digest))
            """,
            "CREATE INDEX board_history_time ON board_history (agent_time_ms)",
            """
            CREATE TABLE milestones (
                serial TEXT NOT NULL,
                id {int} NOT NULL,
                site TEXT NOT NULL,
                t_ms {int} NOT NULL,
                event TEXT NOT NULL,
                insertion {int},
                detail_json TEXT,
                agent_time_ms {int} NOT NULL,
                PRIMARY KEY (serial, id))
            """,
            // The newest events message per board: routine counts are replaced only by a newer one.
            """
            CREATE TABLE board_events (
                serial TEXT PRIMARY KEY,
                site TEXT NOT NULL,
                agent_time_ms {int} NOT NULL)
            """,
            """
            CREATE TABLE routine_counts (
                serial TEXT NOT NULL,
                event TEXT NOT NULL,
                count {int} NOT NULL,
                last_t_ms {int},
                last_insertion {int},
                agent_time_ms {int} NOT NULL,
                PRIMARY KEY (serial, event))
            """,
            "CREATE TABLE drops (reason TEXT PRIMARY KEY, dropped {int} NOT NULL)",
        ],
    ];

    public static int Version => Migrations.Count;
}
