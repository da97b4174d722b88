using PosSlot.Firmware.Events;
using PosSlot.Firmware.Health;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Persistence
{
    /// <summary>The state survives a reboot whole: counts, the analyser's every estimate and flag, fallback, the log.</summary>
    [TestClass]
    public class StoreRecoveryTests
    {
        [TestMethod]
        public void ANewBoardStartsAtZeroAndSaysSo()
        {
            StoredBoard board = StoredBoard.New();
            Assert.AreEqual(EventCode.StoreNew, board.Boot.Outcome);
            Assert.AreEqual(1L, board.Boot.Boot);
            Assert.AreEqual(0L, board.Fw.Counters.BoardInsertions);
            Assert.IsFalse(board.Flash.Exists(StoreFiles.NewBoardMarker), "the first snapshot retires the new-board marker");
            Assert.IsTrue(board.Flash.Exists(StoreFiles.Name(StoreFiles.SnapshotA)));
        }

        [TestMethod]
        public void ARebootBringsBackExactlyTheStateItHadThroughALife()
        {
            StoredBoard board = StoredBoard.New();
            LifeScript script = new LifeScript(1200, 7);
            int[] stops = new int[] { 100, 360, 600, 700, 780, 900, 1050, 1200 };
            int done = 0;
            bool sawFallback = false;
            for (int i = 0; i < stops.Length; i++)
            {
                Assert.IsTrue(board.Run(script, done + 1, stops[i]));
                done = stops[i];
                byte[] before = StoredBoard.HealthBytes(board.Fw);
                int state = board.Fw.Health.State;
                bool engaged = board.Fw.Fallback.Engaged;
                long nextId = board.Fw.Log.NextId;
                sawFallback |= engaged;
                board.PowerOn();
                Assert.AreEqual(EventCode.StoreRecovered, board.Boot.Outcome, "stop " + done);
                Assert.AreEqual(done, (int)board.Fw.Counters.BoardInsertions);
                Assert.AreEqual(state, board.Fw.Health.State);
                Assert.AreEqual(engaged, board.Fw.Fallback.Engaged);
                Assert.AreEqual(engaged, board.Fallback.Enabled, "the line is driven to match at boot");
                Expect.SameBytes(before, StoredBoard.HealthBytes(board.Fw), "analyser state after stop " + done);
                Assert.IsTrue(board.Fw.Log.NextId > nextId, "log ids carry on");
                Assert.AreEqual((long)(i + 2), board.Boot.Boot);
            }
            Assert.IsTrue(sawFallback, "the script's slot failed and engaged fallback on the way");
            Assert.AreEqual(1L, board.Fw.Counters.Replacements);
        }

        [TestMethod]
        public void AFailedSlotStaysFailedAndInFallbackAfterAReboot()
        {
            StoredBoard board = StoredBoard.New();
            LifeScript script = new LifeScript(1000, 3);
            int n = 1;
            while (!board.Fw.Fallback.Engaged && n <= 1000)
            {
                Assert.IsTrue(board.Run(script, n, n));
                n++;
            }
            Assert.IsTrue(board.Fw.Fallback.Engaged, "the script fails the slot");
            board.PowerOn();
            Assert.AreEqual(HealthState.Failed, board.Fw.Health.State);
            Assert.IsTrue(board.Fallback.Enabled);
            Assert.AreEqual(1, board.Events.CountOf(EventCode.FallbackEngaged), "the terminal is told again");
            Assert.AreEqual(ReasonCode.RestoredAtBoot, board.Events.First(EventCode.FallbackEngaged).Detail2);
        }

        [TestMethod]
        public void TheLogKeepsItsSnapshottedEntriesAndNeverReusesAnId()
        {
            StoredBoard board = StoredBoard.New();
            LifeScript script = new LifeScript(800, 5);
            Assert.IsTrue(board.Run(script, 1, 800));
            EventLog log = board.Fw.Log;
            long firstId = log.IdAt(0);
            long nextId = log.NextId;
            int[] codes = new int[log.Count];
            for (int i = 0; i < log.Count; i++)
            {
                codes[i] = log.CodeAt(i);
            }
            board.PowerOn();
            EventLog after = board.Fw.Log;
            int kept = 0;
            long lastId = 0;
            for (int i = 0; i < after.Count; i++)
            {
                long id = after.IdAt(i);
                Assert.IsTrue(id > lastId, "ids rise");
                lastId = id;
                if (id < nextId)
                {
                    Assert.IsTrue(id >= firstId);
                    Assert.AreEqual(codes[id - firstId], after.CodeAt(i), "entry " + id + " is the one logged before");
                    kept++;
                }
            }
            Assert.AreEqual(codes.Length, kept, "every milestone is in the snapshot and survives");
            Assert.AreEqual(EventCode.StoreRecovered, after.CodeAt(after.Count - 1));
        }

        [TestMethod]
        public void AVersion1SnapshotIsMigratedNotLost()
        {
            StoredBoard board = StoredBoard.New();
            LifeScript script = new LifeScript(800, 5);
            Assert.IsTrue(board.Run(script, 1, 800));
            Assert.IsTrue(board.Fw.Counters.PaymentsRetried > 0);
            // Version 1 did not count payments retried: they come back as 0, the rest as it was.
            board.Fw.Counters.PaymentsRetried = 0;
            byte[] before = StoredBoard.HealthBytes(board.Fw);
            int milestones = board.Fw.Log.Count;
            long firstId = board.Fw.Log.IdAt(0);
            long nextId = board.Fw.Log.NextId;
            // The snapshot as the version-1 firmware wrote it: the same state, the log fixed-width.
            int start;
            ByteWriter w = board.BeginOldSnapshot(1, out start);
            board.Fw.Health.SaveState(w);
            board.Fw.Fallback.SaveState(w);
            EventLog log = board.Fw.Log;
            w.Long(log.NextId);
            w.Long(0);
            w.Int(log.Count);
            for (int i = 0; i < log.Count; i++)
            {
                w.Long(log.IdAt(i));
                w.Long(log.TimeAt(i));
                w.Int(log.CodeAt(i));
                w.Long(log.InsertionAt(i));
                w.Long(log.Detail1At(i));
                w.Long(log.Detail2At(i));
            }
            board.PutOldSnapshot(w, start);
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreRecovered, board.Boot.Outcome);
            Assert.AreEqual(500L, (long)board.Boot.SnapshotSequence);
            Assert.AreEqual(800L, board.Fw.Counters.BoardInsertions);
            Expect.SameBytes(before, StoredBoard.HealthBytes(board.Fw), "the analyser comes back whole");
            Assert.AreEqual(firstId, board.Fw.Log.IdAt(0), "the old milestones are kept with their ids");
            Assert.IsTrue(board.Fw.Log.Count > milestones, "and the boot's own follow");
            Assert.IsTrue(board.Fw.Log.IdAt(milestones) >= nextId);
            byte[] rewritten = board.Flash.Read(StoreFiles.Name(StoreFiles.SnapshotB));
            Assert.AreEqual(RecordFrame.Version, (int)rewritten[1], "the boot's snapshot is in the new format");
        }
    }
}
