namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The replies to the last Size machine requests, by sequence number: a host that lost a reply
    /// sends the same frame again and gets the same reply, and the command (perhaps a destructive one)
    /// does not run twice.
    /// </summary>
    public sealed class ReplyCache
    {
        public const int Size = 4;

        readonly int[] _seq = new int[Size];
        readonly string[] _frame = new string[Size];
        int _next;

        public ReplyCache()
        {
            Clear();
        }

        /// <summary>The cached reply frame for seq, or null.</summary>
        public string Find(int seq)
        {
            for (int i = 0; i < Size; i++)
            {
                if (_seq[i] == seq)
                {
                    return _frame[i];
                }
            }
            return null;
        }

        public void Add(int seq, string frame)
        {
            _seq[_next] = seq;
            _frame[_next] = frame;
            _next = (_next + 1) % Size;
        }

        public void Clear()
        {
            for (int i = 0; i < Size; i++)
            {
                _seq[i] = -1;
                _frame[i] = null;
            }
            _next = 0;
        }
    }
}
