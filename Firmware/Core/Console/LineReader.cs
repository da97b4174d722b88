namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The console's line discipline over raw serial bytes: lines of at most MaxLine bytes ended by
    /// CR, LF or CRLF; backspace (BS or DEL) edits; bytes other than printable ASCII, UTF-8 and
    /// CR/LF/BS/DEL/TAB are ignored. A line that grows too long, or a machine frame (a line
    /// starting with `$`) left without its end for TimeoutUs, is dropped, and everything up to the
    /// next line end with it. A person's line never times out: people pause. Fixed buffer: memory
    /// stays bounded whatever arrives.
    /// </summary>
    public sealed class LineReader
    {
        public const int MaxLine = 256;
        public const long TimeoutUs = 2000000;

        /// <summary>What Feed found in a byte.</summary>
        public const int Nothing = 0;
        public const int LineReady = 1;
        public const int TooLong = 2;
        public const int TimedOut = 3;

        readonly byte[] _buf = new byte[MaxLine];
        int _length;
        bool _discarding;
        bool _lastWasCr;
        long _lastByteUs;

        /// <summary>Bytes ignored because they may not appear in a line.</summary>
        public long Ignored;

        public int Length { get { return _length; } }
        public bool Discarding { get { return _discarding; } }

        /// <summary>The byte the line starts with, or 0 when it is empty.</summary>
        public byte First { get { return _length > 0 ? _buf[0] : (byte)0; } }

        /// <summary>
        /// Takes one byte at nowUs. Returns LineReady when it ended a line (read it with Line()),
        /// TooLong or TimedOut when it made the reader drop one, and Nothing otherwise. `echo` says
        /// what a person's terminal should show for it (null: nothing; empty line ends are reported
        /// as LineReady with Length 0).
        /// </summary>
        public int Feed(byte b, long nowUs, out string echo)
        {
            echo = null;
            // Too long without an end: drop it and what follows up to the next line end.
            int result = Expire(nowUs) ? TimedOut : Nothing;
            _lastByteUs = nowUs;
            bool cr = b == 13;
            bool lf = b == 10;
            if (lf && _lastWasCr)
            {
                _lastWasCr = false;
                return result; // the LF of a CRLF
            }
            _lastWasCr = cr;
            if (cr || lf)
            {
                if (_discarding)
                {
                    _discarding = false;
                    _length = 0;
                    return result;
                }
                return LineReady;
            }
            if (b == 8 || b == 127)
            {
                if (!_discarding && _length > 0)
                {
                    // Remove a whole UTF-8 character: continuation bytes are 10xxxxxx.
                    do
                    {
                        _length--;
                    }
                    while (_length > 0 && (_buf[_length] & 0xC0) == 0x80);
                    echo = "\b \b";
                }
                return result;
            }
            if (b < 32 && b != 9)
            {
                Ignored++;
                return result;
            }
            if (_discarding)
            {
                return result;
            }
            if (_length == MaxLine)
            {
                _length = 0;
                _discarding = true;
                return TooLong;
            }
            _buf[_length++] = b == 9 ? (byte)' ' : b;
            if (b < 128)
            {
                echo = b == 9 ? " " : new string((char)b, 1);
            }
            return result;
        }

        /// <summary>The finished line (after LineReady) as text, and the reader ready for the next.</summary>
        public string TakeLine()
        {
            string line = _length == 0 ? "" : new string(System.Text.Encoding.UTF8.GetChars(_buf, 0, _length));
            _length = 0;
            return line;
        }

        /// <summary>The line typed so far (to redraw it under a pushed event).</summary>
        public string Partial()
        {
            return _length == 0 || _discarding ? "" : new string(System.Text.Encoding.UTF8.GetChars(_buf, 0, _length));
        }

        /// <summary>The raw bytes of the finished line, for the machine mode's CRC (valid until TakeLine).</summary>
        public byte[] Buffer { get { return _buf; } }

        /// <summary>Called without a byte (a poll): drops a machine frame left unfinished too long.</summary>
        public bool Expire(long nowUs)
        {
            if (_length > 0 && !_discarding && _buf[0] == (byte)'$' && nowUs - _lastByteUs >= TimeoutUs)
            {
                _length = 0;
                _discarding = true;
                return true;
            }
            return false;
        }
    }
}
