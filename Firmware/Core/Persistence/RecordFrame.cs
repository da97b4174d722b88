namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// The frame around every stored record, snapshot or journal entry:
    ///   magic 0x50 ('P'), format version, kind, payload length (u16 LE), sequence (u32 LE),
    ///   payload, CRC-32 (u32 LE) of everything before it.
    /// A torn, truncated, bit-flipped, foreign or newer-format record fails Check with the reason.
    /// The format is pinned by a golden byte test; changing it is a version bump with a migration.
    /// </summary>
    public static class RecordFrame
    {
        public const int Magic = 0x50;

        /// <summary>
        /// The newest format. A record is written in its kind's newest version (VersionFor) and read
        /// in any version from 1 up to it: 2 changed the snapshot only (the milestone history), and 3
        /// too (payments retried among the counters), so journal entries and auth.bin are still written
        /// as 1, and a version-1 or -2 snapshot is migrated.
        /// </summary>
        public const int Version = 3;
        public const int HeaderSize = 9;
        public const int Overhead = HeaderSize + 4;
        public const int MaxPayload = 0xFFFF;

        /// <summary>Starts a record at the writer's position; returns that position for End.</summary>
        public static int Begin(ByteWriter w, int kind, uint sequence)
        {
            int start = w.Position;
            w.Byte(Magic);
            w.Byte(VersionFor(kind));
            w.Byte(kind);
            w.Byte(0);
            w.Byte(0);
            w.UInt(sequence);
            return start;
        }

        /// <summary>Patches the length and appends the CRC. False when the payload does not fit.</summary>
        public static bool End(ByteWriter w, int start)
        {
            int length = w.Position - start - HeaderSize;
            if (w.Overflowed || length > MaxPayload)
            {
                return false;
            }
            int end = w.Position;
            w.Seek(start + 3);
            w.Byte(length & 0xFF);
            w.Byte(length >> 8);
            w.Seek(end);
            w.UInt(Crc32.Compute(w.Buffer, start, end - start));
            return !w.Overflowed;
        }

        /// <summary>
        /// Checks the record at data[offset..offset+available): StoreDiscard.None when whole and
        /// intact (then kind, sequence and payload length are set), else why not.
        /// </summary>
        public static int Check(byte[] data, int offset, int available, out int kind, out uint sequence, out int payloadLength)
        {
            int version;
            return Check(data, offset, available, out kind, out sequence, out payloadLength, out version);
        }

        /// <summary>The version each kind is written in now.</summary>
        public static int VersionFor(int kind)
        {
            return kind == RecordKind.Snapshot ? Version : 1;
        }

        /// <summary>Check, also giving the record's format version (1 .. VersionFor(kind)).</summary>
        public static int Check(byte[] data, int offset, int available, out int kind, out uint sequence, out int payloadLength, out int version)
        {
            version = 0;
            kind = 0;
            sequence = 0;
            payloadLength = 0;
            if (available < HeaderSize)
            {
                return available == 0 ? StoreDiscard.Empty : StoreDiscard.Truncated;
            }
            if (data[offset] != Magic)
            {
                return StoreDiscard.Foreign;
            }
            if (data[offset + 1] < 1 || data[offset + 1] > Version)
            {
                return StoreDiscard.UnknownVersion;
            }
            int length = data[offset + 3] | (data[offset + 4] << 8);
            if (available < Overhead + length)
            {
                return StoreDiscard.Truncated;
            }
            int crcAt = offset + HeaderSize + length;
            uint stored = (uint)(data[crcAt] | (data[crcAt + 1] << 8) | (data[crcAt + 2] << 16) | (data[crcAt + 3] << 24));
            if (stored != Crc32.Compute(data, offset, HeaderSize + length))
            {
                return StoreDiscard.Corrupt;
            }
            if (data[offset + 1] > VersionFor(data[offset + 2]))
            {
                return StoreDiscard.UnknownVersion;
            }
            kind = data[offset + 2];
            version = data[offset + 1];
            sequence = (uint)(data[offset + 5] | (data[offset + 6] << 8) | (data[offset + 7] << 16) | (data[offset + 8] << 24));
            payloadLength = length;
            return StoreDiscard.None;
        }
    }
}
