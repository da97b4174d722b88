using PosSlot.Firmware.Persistence;
using PosSlot.Firmware.Slot;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Persistence
{
    /// <summary>
    /// The stored format, pinned: a change to these bytes is a format change (bump
    /// RecordFrame.Version and add a migration test), never an accident.
    /// </summary>
    [TestClass]
    public class RecordFormatTests
    {
        [TestMethod]
        public void Crc32IsTheIeeeOne()
        {
            byte[] check = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 }; // "123456789"
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(check, 0, check.Length));
        }

        [TestMethod]
        public void AnInsertionEntryIsPinnedByteForByte()
        {
            ByteWriter w = new ByteWriter(96);
            JournalEntry.WriteInsertion(w, 300, 1234, Sample());
            Assert.AreEqual(
                "50-01-02-15-00-2C-01-00-00-A4-13-80-E8-ED-A1-BA-01-80-B5-18-C0-9A-0C-A0-1F-0A-02-02-02-04-9E-35-E5-8E",
                Hex(w.Buffer, w.Position));
        }

        [TestMethod]
        public void AnInsertionEntryReadsBackAsWritten()
        {
            ByteWriter w = new ByteWriter(96);
            InsertionRecord sample = Sample();
            JournalEntry.WriteInsertion(w, 7, 99, sample);
            int kind, length;
            uint seq;
            Assert.AreEqual(StoreDiscard.None, RecordFrame.Check(w.Buffer, 0, w.Position, out kind, out seq, out length));
            Assert.AreEqual(RecordKind.Insertion, kind);
            Assert.AreEqual(7u, seq);
            InsertionRecord back = new InsertionRecord();
            Assert.AreEqual(99L, JournalEntry.ReadInsertion(new ByteReader(w.Buffer, RecordFrame.HeaderSize, length), back));
            Assert.AreEqual(sample.InsertedUs, back.InsertedUs);
            Assert.AreEqual(sample.RemovedUs, back.RemovedUs);
            Assert.AreEqual(sample.SeatDelayUs, back.SeatDelayUs);
            Assert.AreEqual(sample.ContactBounceSpanUs, back.ContactBounceSpanUs);
            Assert.AreEqual(sample.ContactBounces, back.ContactBounces);
            Assert.AreEqual(sample.Interruptions, back.Interruptions);
            Assert.AreEqual(sample.ReadAttempts, back.ReadAttempts);
            Assert.AreEqual(sample.ReadFailures, back.ReadFailures);
            Assert.AreEqual(sample.Flags, back.Flags);
        }

        [TestMethod]
        public void ACardThatNeverSeatedKeepsItsMissingSeat()
        {
            ByteWriter w = new ByteWriter(96);
            InsertionRecord sample = Sample();
            sample.SeatedUs = InsertionRecord.None;
            JournalEntry.WriteInsertion(w, 1, 5, sample);
            InsertionRecord back = new InsertionRecord();
            JournalEntry.ReadInsertion(new ByteReader(w.Buffer, RecordFrame.HeaderSize, w.Position - RecordFrame.Overhead), back);
            Assert.IsFalse(back.Seated);
        }

        [TestMethod]
        public void EveryShorterPrefixIsTruncatedAndEveryFlippedBitIsCaught()
        {
            ByteWriter w = new ByteWriter(96);
            JournalEntry.WriteInsertion(w, 300, 1234, Sample());
            int length = w.Position;
            int kind, payload;
            uint seq;
            for (int n = 0; n < length; n++)
            {
                int why = RecordFrame.Check(w.Buffer, 0, n, out kind, out seq, out payload);
                Assert.IsTrue(why == StoreDiscard.Truncated || why == StoreDiscard.Empty, "prefix " + n + ": " + StoreDiscard.Name(why));
            }
            for (int bit = 0; bit < length * 8; bit++)
            {
                w.Buffer[bit / 8] ^= (byte)(1 << (bit % 8));
                int why = RecordFrame.Check(w.Buffer, 0, length, out kind, out seq, out payload);
                w.Buffer[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.AreNotEqual(StoreDiscard.None, why, "bit " + bit);
            }
        }

        [TestMethod]
        public void ANewerFormatAndAForeignFileAreNamedAsSuch()
        {
            ByteWriter w = new ByteWriter(96);
            JournalEntry.WriteInput(w, 1, RecordKind.SlotCleaned, 5000000, 12);
            int kind, payload;
            uint seq;
            w.Buffer[1] = RecordFrame.Version + 1;
            Assert.AreEqual(StoreDiscard.UnknownVersion, RecordFrame.Check(w.Buffer, 0, w.Position, out kind, out seq, out payload));
            byte[] text = new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x31, 0x7D, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A }; // {"a":1} and newlines
            Assert.AreEqual(StoreDiscard.Foreign, RecordFrame.Check(text, 0, text.Length, out kind, out seq, out payload));
        }

        [TestMethod]
        public void ANewBoardsSnapshotIsPinnedByItsLengthAndCrc()
        {
            StoredBoard board = StoredBoard.New();
            byte[] snapshot = board.Flash.Read(StoreFiles.Name(StoreFiles.SnapshotA));
            Assert.AreEqual("50-03-01", Hex(snapshot, 3), "magic, version, kind");
            Assert.AreEqual((byte)1, snapshot[5], "the first snapshot is number 1");
            // The CRC at the end covers every byte before it: this pins the whole layout.
            Assert.AreEqual(SnapshotLength, snapshot.Length, "length");
            Assert.AreEqual(SnapshotCrc, Crc32.Compute(snapshot, 0, snapshot.Length - 4), "crc " + Crc32.Compute(snapshot, 0, snapshot.Length - 4) + " length " + snapshot.Length);
        }

        const int SnapshotLength = 1785;
        const uint SnapshotCrc = 3458893712;

        static InsertionRecord Sample()
        {
            InsertionRecord r = new InsertionRecord();
            r.Index = 1234;
            r.InsertedUs = 25000000000L;
            r.SeatedUs = r.InsertedUs + 100000;
            r.RemovedUs = r.InsertedUs + 200000;
            r.ContactBounceSpanUs = 2000;
            r.ContactBounces = 5;
            r.Interruptions = 1;
            r.ReadAttempts = 1;
            r.ReadFailures = 1;
            r.Flags = 2;
            return r;
        }

        static string Hex(byte[] data, int length)
        {
            const string digits = "0123456789ABCDEF";
            char[] text = new char[length == 0 ? 0 : length * 3 - 1];
            for (int i = 0; i < length; i++)
            {
                text[i * 3] = digits[data[i] >> 4];
                text[i * 3 + 1] = digits[data[i] & 0xF];
                if (i < length - 1)
                {
                    text[i * 3 + 2] = '-';
                }
            }
            return new string(text);
        }
    }
}
