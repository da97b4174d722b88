namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The machine mode's frames: a request `$seq command line*CRC` and a reply `$seq body*CRC`,
    /// where CRC is CRC-16/XMODEM over the bytes between `$` and `*`, four hex digits. Parse reads
    /// the request's raw bytes (the CRC covers bytes, not decoded text) and never trusts a part of
    /// a frame whose CRC does not match: only the sequence number is read from it, to name the error.
    /// </summary>
    public sealed class MachineFrame
    {
        public const int Intact = 0;
        public const int CrcMissing = 1;
        public const int CrcWrong = 2;
        public const int Unreadable = 3;

        /// <summary>Largest sequence number (9 digits). 0 is reserved for the device's own events.</summary>
        public const int MaxSeq = 999999999;

        public int Status;

        /// <summary>Whether the command line ended in a tag (` !` and 32 uppercase hex digits before the `*`), and its bytes.</summary>
        public bool HasTag;
        public readonly byte[] Tag = new byte[DeviceKey.TagBytes];

        /// <summary>The bytes the tag covers: data[1 .. 1 + SignedLength), the seq, its space and the command line without the tag.</summary>
        public int SignedLength;

        /// <summary>The request's sequence number, -1 when it cannot be read.</summary>
        public int Seq;
        public string Command;
        public int ReceivedCrc;
        public int ComputedCrc;

        /// <summary>Reads data[0..length) (which starts with '$').</summary>
        public void Parse(byte[] data, int length)
        {
            Command = null;
            HasTag = false;
            SignedLength = 0;
            ReceivedCrc = -1;
            ComputedCrc = -1;
            Seq = -1;
            int i = 1;
            long seq = 0;
            while (i < length && i <= 9 && data[i] >= (byte)'0' && data[i] <= (byte)'9')
            {
                seq = seq * 10 + (data[i] - '0');
                i++;
            }
            bool seqRead = i > 1 && i < length && data[i] == (byte)' ' && seq >= 1 && seq <= MaxSeq;
            if (seqRead)
            {
                Seq = (int)seq;
            }
            int star = -1;
            for (int k = length - 1; k > 0; k--)
            {
                if (data[k] == (byte)'*')
                {
                    star = k;
                    break;
                }
            }
            if (star < 0 || length - star - 1 != 4)
            {
                Status = CrcMissing;
                return;
            }
            int received = 0;
            for (int k = star + 1; k < length; k++)
            {
                // Uppercase only: a flipped case bit must not pass as the same digit.
                int d = data[k] >= (byte)'a' ? -1 : Hex.Digit((char)data[k]);
                if (d < 0)
                {
                    Status = CrcMissing;
                    return;
                }
                received = (received << 4) | d;
            }
            ReceivedCrc = received;
            ComputedCrc = Crc16Xmodem.Compute(data, 1, star - 1);
            if (ComputedCrc != received)
            {
                Status = CrcWrong;
                return;
            }
            if (!seqRead)
            {
                Status = Unreadable;
                return;
            }
            Status = Intact;
            int start = i + 1;
            int end = star;
            int tagAt = star - TagText;
            if (tagAt >= start && data[tagAt] == (byte)' ' && data[tagAt + 1] == (byte)'!' && ReadTag(data, tagAt + 2))
            {
                HasTag = true;
                end = tagAt;
            }
            SignedLength = end - 1;
            Command = end > start ? new string(System.Text.Encoding.UTF8.GetChars(data, start, end - start)) : "";
        }

        /// <summary>` !` and the tag's hex digits.</summary>
        const int TagText = 2 + 2 * DeviceKey.TagBytes;

        bool ReadTag(byte[] data, int at)
        {
            for (int k = 0; k < DeviceKey.TagBytes; k++)
            {
                // Uppercase only, as the CRC: one spelling per tag.
                int hi = data[at + 2 * k] >= (byte)'a' ? -1 : Hex.Digit((char)data[at + 2 * k]);
                int lo = data[at + 2 * k + 1] >= (byte)'a' ? -1 : Hex.Digit((char)data[at + 2 * k + 1]);
                if (hi < 0 || lo < 0)
                {
                    return false;
                }
                Tag[k] = (byte)((hi << 4) | lo);
            }
            return true;
        }

        /// <summary>A whole frame for `body` (reply or event), line end included.</summary>
        public static string Format(int seq, string body)
        {
            string inner = seq.ToString() + " " + body;
            return "$" + inner + "*" + Hex.Of(Crc16Xmodem.Compute(inner), 4) + "\r\n";
        }
    }
}
