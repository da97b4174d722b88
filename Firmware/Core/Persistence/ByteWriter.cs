namespace PosSlot.Firmware.Persistence
{
    /// <summary>
    /// Writes little-endian fields into a fixed buffer (no allocation per record). Writing past the
    /// end sets Overflowed instead of throwing, so a too-small buffer is a checked condition.
    /// </summary>
    public sealed class ByteWriter
    {
        readonly byte[] _buffer;
        int _position;

        public ByteWriter(int capacity)
        {
            _buffer = new byte[capacity];
        }

        public byte[] Buffer { get { return _buffer; } }
        public int Position { get { return _position; } }
        public bool Overflowed;

        public void Reset()
        {
            _position = 0;
            Overflowed = false;
        }

        /// <summary>Moves back to overwrite a field written earlier (a length or a CRC).</summary>
        public void Seek(int position)
        {
            _position = position;
        }

        public void Byte(int value)
        {
            if (_position >= _buffer.Length)
            {
                Overflowed = true;
                return;
            }
            _buffer[_position++] = (byte)value;
        }

        public void Bool(bool value)
        {
            Byte(value ? 1 : 0);
        }

        public void Int(int value)
        {
            UInt((uint)value);
        }

        public void UInt(uint value)
        {
            Byte((int)(value & 0xFF));
            Byte((int)((value >> 8) & 0xFF));
            Byte((int)((value >> 16) & 0xFF));
            Byte((int)((value >> 24) & 0xFF));
        }

        public void Long(long value)
        {
            UInt((uint)(value & 0xFFFFFFFFL));
            UInt((uint)((ulong)value >> 32));
        }

        /// <summary>An unsigned LEB128 varint: 7 bits a byte, small numbers in one byte (journal records stay short).</summary>
        public void VarULong(ulong value)
        {
            while (value >= 0x80)
            {
                Byte((int)(value & 0x7F) | 0x80);
                value >>= 7;
            }
            Byte((int)value);
        }

        /// <summary>A signed varint (zigzag: -1 takes one byte, as 1 does).</summary>
        public void VarLong(long value)
        {
            VarULong((ulong)((value << 1) ^ (value >> 63)));
        }

        public void Double(double value)
        {
            Long(System.BitConverter.DoubleToInt64Bits(value));
        }
    }
}
