namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// Reads the fields ByteWriter wrote from a window of a buffer. Reading past the window's end
    /// returns zeros and sets Failed: a short or corrupt record is a checked condition, never a crash.
    /// </summary>
    public sealed class ByteReader
    {
        readonly byte[] _data;
        readonly int _end;
        int _position;

        public ByteReader(byte[] data, int offset, int length)
        {
            _data = data;
            _position = offset;
            _end = offset + length;
        }

        public bool Failed;
        public int Position { get { return _position; } }
        public int Remaining { get { return _end - _position; } }

        public int Byte()
        {
            if (_position >= _end)
            {
                Failed = true;
                return 0;
            }
            return _data[_position++];
        }

        public bool Bool()
        {
            int b = Byte();
            if (b > 1)
            {
                Failed = true;
            }
            return b == 1;
        }

        public uint UInt()
        {
            uint b0 = (uint)Byte();
            uint b1 = (uint)Byte();
            uint b2 = (uint)Byte();
            uint b3 = (uint)Byte();
            return b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
        }

        public int Int()
        {
            return (int)UInt();
        }

        public long Long()
        {
            ulong low = UInt();
            ulong high = UInt();
            return (long)(low | (high << 32));
        }

        public ulong VarULong()
        {
            ulong value = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                int b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0 || Failed)
                {
                    return value;
                }
            }
            Failed = true; // more than ten bytes: not a varint we wrote
            return 0;
        }

        public long VarLong()
        {
            ulong z = VarULong();
            return (long)(z >> 1) ^ -(long)(z & 1);
        }

        public double Double()
        {
            return System.BitConverter.Int64BitsToDouble(Long());
        }

        /// <summary>An int that must lie in [min, max] (a count or an index); anything else fails the record.</summary>
        public int IntIn(int min, int max)
        {
            int v = Int();
            if (v < min || v > max)
            {
                Failed = true;
                return min;
            }
            return v;
        }
    }
}
