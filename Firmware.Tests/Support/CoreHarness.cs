using PosSlot.Firmware.Events;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>
    /// Replays an edge table (t_us, line, level triples) through a SlotCore under one Schedule and
    /// returns what it reported. Event codes and times must not depend on the schedule.
    /// </summary>
    public static class CoreHarness
    {
        /// <summary>How long the harness runs after the last edge: past every debounce window.</summary>
        public const long TailUs = 1000000;

        public static EventRecorder Run(long[] table, int schedule)
        {
            return Run(table, schedule, new SlotConfig());
        }

        public static EventRecorder Run(long[] table, int schedule, SlotConfig config)
        {
            SlotCore core = new SlotCore(config);
            EventRecorder recorder = new EventRecorder();
            core.AddSink(recorder);
            long nextTickUs = 10000;
            for (int i = 0; i + 2 < table.Length; i += 3)
            {
                long t = table[i];
                AdvanceUntil(core, t, schedule, ref nextTickUs);
                core.OnEdge((int)table[i + 1], (int)table[i + 2], t);
            }
            long endUs = (table.Length >= 3 ? table[table.Length - 3] : 0) + TailUs;
            AdvanceUntil(core, endUs, schedule, ref nextTickUs);
            core.Advance(endUs);
            HeapProbe.Checkpoint(table);
            return recorder;
        }

        /// <summary>Streams a table into a running core, advancing at every deadline before each edge (the board's one-shot timer).</summary>
        public static void Feed(SlotCore core, EdgeTable table)
        {
            long unused = 0;
            for (int i = 0; i < table.Count; i++)
            {
                AdvanceUntil(core, table.TimeAt(i), Schedule.OnTime, ref unused);
                core.OnEdge(table.LineAt(i), table.LevelAt(i), table.TimeAt(i));
            }
            HeapProbe.Checkpoint(table);
        }

        static void AdvanceUntil(SlotCore core, long untilUs, int schedule, ref long nextTickUs)
        {
            if (schedule == Schedule.OnTime)
            {
                while (core.NextDeadlineUs < untilUs)
                {
                    core.Advance(core.NextDeadlineUs);
                }
            }
            else if (schedule == Schedule.Tick10ms)
            {
                while (nextTickUs < untilUs)
                {
                    core.Advance(nextTickUs);
                    nextTickUs += 10000;
                }
            }
        }

        /// <summary>Runs the table under every schedule and checks they agree; returns the on-time run.</summary>
        public static EventRecorder RunAll(long[] table, SlotConfig config)
        {
            EventRecorder onTime = Run(table, Schedule.OnTime, config);
            string expected = onTime.Describe();
            for (int s = 1; s < Schedule.Count; s++)
            {
                EventRecorder other = Run(table, s, config);
                string actual = other.Describe();
                Assert.AreEqual(expected, actual, "schedule " + s.ToString() + " changed the events: " + actual);
            }
            return onTime;
        }

        public static EventRecorder RunAll(long[] table)
        {
            return RunAll(table, new SlotConfig());
        }

        /// <summary>Runs the table under every schedule and checks the events against "code@time ..." text.</summary>
        public static EventRecorder Expect(string events, long[] table, SlotConfig config)
        {
            EventRecorder r = RunAll(table, config);
            string actual = r.Describe();
            Assert.AreEqual(events, actual, "events were: " + actual);
            return r;
        }

        public static EventRecorder Expect(string events, long[] table)
        {
            return Expect(events, table, new SlotConfig());
        }
    }
}
