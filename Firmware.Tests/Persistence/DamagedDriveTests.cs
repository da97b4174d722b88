using PosSlot.Firmware.Events;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Persistence
{
    /// <summary>What the drive can do to the files (and what a wrong file looks like): never a crash, never a silent zero.</summary>
    [TestClass]
    public class DamagedDriveTests
    {
        static readonly string A = StoreFiles.Name(StoreFiles.SnapshotA);
        static readonly string B = StoreFiles.Name(StoreFiles.SnapshotB);
        static readonly string Journal = StoreFiles.JournalSegment(0);

        /// <summary>The newest journal segment on the drive.</summary>
        static string LastSegment(StoredBoard board)
        {
            int n = 0;
            while (board.Flash.Exists(StoreFiles.JournalSegment(n + 1)))
            {
                n++;
            }
            return StoreFiles.JournalSegment(n);
        }

        /// <summary>A board that ran 300 insertions of the script (snapshots in both slots, a journal after them).</summary>
        static StoredBoard Used(out LifeScript script)
        {
            StoredBoard board = StoredBoard.New();
            script = new LifeScript(1000, 4);
            Assert.IsTrue(board.Run(script, 1, 300));
            Assert.IsTrue(board.Flash.Exists(A) && board.Flash.Exists(B) && board.Flash.Exists(Journal), "both snapshots and a journal");
            return board;
        }

        static string Newest(StoredBoard board)
        {
            // The store alternates: the next write goes to the older one. Boot once to learn which is newer.
            byte[] a = board.Flash.Read(A);
            byte[] b = board.Flash.Read(B);
            uint sa = new ByteReader(a, 5, 4).UInt();
            uint sb = new ByteReader(b, 5, 4).UInt();
            return sa > sb ? A : B;
        }

        [TestMethod]
        public void ACorruptNewestSnapshotFallsBackToTheOlderOneAndTheJournalStillCounts()
        {
            LifeScript script;
            StoredBoard board = Used(out script);
            string newest = Newest(board);
            board.Flash.FlipBit(newest, 200 * 8 + 3);
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreRecovered, board.Boot.Outcome);
            Assert.AreEqual(2, board.Boot.Discarded);
            RecordedEvent discarded = board.Events.First(EventCode.StoreDiscarded);
            Assert.AreEqual(newest == A ? StoreFiles.SnapshotA : StoreFiles.SnapshotB, (int)discarded.Detail1);
            Assert.AreEqual(StoreDiscard.Corrupt, (int)discarded.Detail2);
            // The journal follows the lost snapshot, not the older one: it is named and not replayed.
            Assert.AreEqual(StoreDiscard.OutOfSequence, FindReason(board, StoreDiscard.OutOfSequence));
            Assert.IsTrue(board.Fw.Counters.BoardInsertions < 300, "the older snapshot's count: " + board.Fw.Counters.BoardInsertions);
        }

        [TestMethod]
        public void ATruncatedJournalKeepsEveryWholeEntry()
        {
            LifeScript script;
            StoredBoard board = Used(out script);
            string last = LastSegment(board);
            board.Flash.Truncate(last, board.Flash.Length(last) - 5);
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreRecovered, board.Boot.Outcome);
            Assert.AreEqual(299L, board.Fw.Counters.BoardInsertions, "only the torn last entry is lost");
            Assert.AreEqual(StoreDiscard.Truncated, (int)board.Events.First(EventCode.StoreDiscarded).Detail2);
        }

        [TestMethod]
        public void ForeignNewerAndEmptyFilesAreDiscardedByName()
        {
            LifeScript script;
            StoredBoard board = Used(out script);
            string newest = Newest(board);
            string older = newest == A ? B : A;
            byte[] newer = board.Flash.Read(newest);
            newer[1] = RecordFrame.Version + 1;
            board.Flash.Put(newest, newer);
            board.Flash.Put(older, new byte[0]);
            board.Flash.Put(Journal, new byte[] { 0x7B, 0x7D, 0x0A });
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreLost, board.Boot.Outcome, "no usable state: lost, not new");
            Assert.AreEqual(2, board.Boot.Discarded, "both snapshots named (the journal has no snapshot to follow)");
            Assert.AreEqual(1L, board.Fw.Counters.StoreLosses, "the counts are known to be lower bounds now");
            Assert.AreEqual(StoreDiscard.UnknownVersion, FindReason(board, StoreDiscard.UnknownVersion));
            Assert.AreEqual(StoreDiscard.Empty, FindReason(board, StoreDiscard.Empty));
        }

        static int FindReason(StoredBoard board, int reason)
        {
            for (int i = 0; i < board.Fw.Log.Count; i++)
            {
                if (board.Fw.Log.CodeAt(i) == EventCode.StoreDiscarded && board.Fw.Log.Detail2At(i) == reason)
                {
                    return reason;
                }
            }
            return -1;
        }

        [TestMethod]
        public void AReformattedDriveIsReportedLostAndTheStoreStartsAgain()
        {
            LifeScript script;
            StoredBoard board = Used(out script);
            board.Flash.Reformat();
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreLost, board.Boot.Outcome, "an empty drive on a used board is a lost store");
            Assert.AreEqual(1, board.Events.CountOf(EventCode.StoreLost));
            Assert.AreEqual(1L, board.Fw.Counters.StoreLosses);
            Assert.IsTrue(board.Run(script, 301, 320));
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreRecovered, board.Boot.Outcome);
            Assert.AreEqual(20L, board.Fw.Counters.BoardInsertions);
            Assert.AreEqual(1L, board.Fw.Counters.StoreLosses, "the loss stays on record");
        }

        [TestMethod]
        public void AFullDriveNeitherStopsTheFirmwareNorLosesWhatWasSavedAndItRetries()
        {
            LifeScript script;
            StoredBoard board = Used(out script);
            board.Flash.Full = true;
            Assert.IsTrue(board.Run(script, 301, 400));
            Assert.AreEqual(400L, board.Fw.Counters.BoardInsertions, "the firmware counts on");
            Assert.AreEqual(1, board.Events.CountOf(EventCode.StoreWriteFailed), "said once, not per write");
            long failures = board.Fw.Store.WriteFailures;
            Assert.IsTrue(failures > 1, "and retried: " + failures);
            board.Flash.Full = false;
            Assert.IsTrue(board.Run(script, 401, 401));
            Assert.AreEqual(1, board.Events.CountOf(EventCode.StoreWriteRestored));
            board.PowerOn();
            Assert.AreEqual(401L, board.Fw.Counters.BoardInsertions, "the retried snapshot carried the insertions the journal could not");
        }

        [TestMethod]
        public void JournalSegmentsStaySmallEnoughForLittleFsToKeepInline()
        {
            LifeScript script;
            StoredBoard board = Used(out script);
            int n = 0;
            for (; board.Flash.Exists(StoreFiles.JournalSegment(n)); n++)
            {
                int length = board.Flash.Length(StoreFiles.JournalSegment(n));
                Assert.IsTrue(length > 0 && length <= board.Settings.JournalSegmentBytes, "segment " + n + ": " + length + " bytes");
                Assert.IsTrue(length <= SimulatedFlash.InlineMax);
            }
            Assert.IsTrue(n > 10, "a run of segments: " + n);
        }

        [TestMethod]
        public void SegmentsLeftByACutWhileTheJournalWasBeingDeletedAreSkipped()
        {
            LifeScript script;
            StoredBoard board = Used(out script);
            byte[] first = board.Flash.Read(StoreFiles.JournalSegment(0));
            byte[] second = board.Flash.Read(StoreFiles.JournalSegment(1));
            Assert.IsTrue(board.Fw.Store.WriteSnapshot());
            Assert.IsFalse(board.Flash.Exists(StoreFiles.JournalSegment(0)), "the snapshot deleted the journal");
            // Deleted newest first: a cut part-way leaves the oldest segments, entries the snapshot holds.
            board.Flash.Put(StoreFiles.JournalSegment(0), first);
            board.Flash.Put(StoreFiles.JournalSegment(1), second);
            byte[] before = StoredBoard.HealthBytes(board.Fw);
            board.PowerOn();
            Assert.AreEqual(0, board.Boot.JournalReplayed);
            Assert.AreEqual(0, board.Boot.Discarded);
            Expect.SameBytes(before, StoredBoard.HealthBytes(board.Fw), "state after stale segments");
            Assert.IsFalse(board.Flash.Exists(StoreFiles.JournalSegment(0)), "boot's snapshot cleared them");
        }

        [TestMethod]
        public void ACutDuringTheNewBoardsFirstSnapshotIsStillANewBoard()
        {
            SimulatedFlash flash = SimulatedFlash.Board();
            flash.Provision();
            flash.ArmCutAt(100);
            Expect.Throws(typeof(PowerCutException), delegate { new StoredBoard(flash, new StoreSettings()); });
            flash.PowerRestored();
            StoredBoard board = new StoredBoard(flash, new StoreSettings());
            Assert.AreEqual(EventCode.StoreNew, board.Boot.Outcome);
            Assert.AreEqual(1, board.Boot.Discarded, "the torn snapshot is named");
        }
    }
}
