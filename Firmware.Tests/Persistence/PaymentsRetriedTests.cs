using PosSlot.Firmware.Events;
using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Persistence
{
    /// <summary>
    /// Payments retried: cards on which at least one chip read failed (the customer or the terminal had to try
    /// again). Counted once a card, at its removal, for the slot's whole life, and kept through power loss like
    /// the insertion counts: the fleet's dispatch list shows it as payments already affected.
    /// </summary>
    [TestClass]
    public class PaymentsRetriedTests
    {
        // Cards 1..n; every third fails its first read, every seventh fails three reads (a third and a seventh: one card).
        static int Feed(StoredBoard board, int from, int to, SeededRandom rnd, long[] t)
        {
            int retried = 0;
            for (int n = from; n <= to; n++)
            {
                InsertionShape s = InsertionShape.Healthy();
                s.ReportReads = true;
                s.FailedReads = n % 7 == 0 ? 3 : n % 3 == 0 ? 1 : 0;
                if (s.FailedReads > 0)
                {
                    retried++;
                }
                t[0] = InsertionSynth.Feed(board.Fw, t[0], s, rnd);
            }
            return retried;
        }

        [TestMethod]
        public void ACardWithFailedReadsCountsOnceAsAPaymentRetried()
        {
            StoredBoard board = StoredBoard.New();
            long[] t = new long[] { 1000000 };
            int retried = Feed(board, 1, 21, new SeededRandom(3), t);
            Assert.AreEqual(9, retried, "cards 3, 6, 7, 9, 12, 14, 15, 18, 21");
            Assert.AreEqual(21L, board.Fw.Counters.BoardInsertions);
            Assert.AreEqual((long)retried, board.Fw.Counters.PaymentsRetried);
        }

        [TestMethod]
        public void PaymentsRetriedComeBackAfterPowerLossFromTheSnapshotAndTheJournal()
        {
            StoredBoard board = StoredBoard.New();
            long[] t = new long[] { 1000000 };
            // Past one budget snapshot (every 256 journal entries): the count comes back from both parts.
            int retried = Feed(board, 1, 300, new SeededRandom(5), t);
            Assert.AreEqual((long)retried, board.Fw.Counters.PaymentsRetried);
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreRecovered, board.Boot.Outcome);
            Assert.AreEqual(300L, board.Fw.Counters.BoardInsertions);
            Assert.AreEqual((long)retried, board.Fw.Counters.PaymentsRetried);
            Assert.IsTrue(board.Boot.JournalReplayed > 0, "some cards came back through the journal");
        }

        [TestMethod]
        public void AVersion2SnapshotLoadsWithNoPaymentsRetriedAndIsRewrittenInTheNewFormat()
        {
            StoredBoard board = StoredBoard.New();
            long[] t = new long[] { 1000000 };
            Feed(board, 1, 40, new SeededRandom(9), t);
            // The snapshot as the version-2 firmware wrote it: four counters, then the rest as now.
            int start;
            ByteWriter w = board.BeginOldSnapshot(2, out start);
            board.Fw.Health.SaveState(w);
            board.Fw.Fallback.SaveState(w);
            board.Fw.Log.SaveState(w);
            board.PutOldSnapshot(w, start);
            board.PowerOn();
            Assert.AreEqual(EventCode.StoreRecovered, board.Boot.Outcome);
            Assert.AreEqual(40L, board.Fw.Counters.BoardInsertions);
            Assert.AreEqual(0L, board.Fw.Counters.PaymentsRetried, "version 2 did not count them");
            byte[] rewritten = board.Flash.Read(StoreFiles.Name(StoreFiles.SnapshotB));
            Assert.AreEqual(RecordFrame.Version, (int)rewritten[1]);
        }
    }
}
