namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The console's line discipline over raw serial bytes: lines of at most MaxLine bytes ended by
    /// CR, LF or CRLF; backspace (BS or DEL) edits; escape sequences (arrow keys) are consumed whole;
    /// only whole, valid UTF-8 characters join the line and the echo (a BOM never does); other bytes
    /// below 0x20 are ignored. A line that grows too long, or a machine frame (a line
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

        /// <summary>A key's escape sequence arrives in one burst; an ESC followed by a pause was the Esc key alone.</summary>
        public const long EscapeGapUs = 100000;

        const int NoEscape = 0;
        const int AfterEsc = 1;
        const int InCsi = 2;
        const int InSs3 = 3;

        readonly byte[] _buf = new byte[MaxLine];
        readonly byte[] _pending = new byte[4];
        int _pendingLength;
        int _pendingNeed;
        int _escape;
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
            long gap = nowUs - _lastByteUs;
            _lastByteUs = nowUs;
            if (_escape != NoEscape && gap <= EscapeGapUs && InEscape(b))
            {
                Ignored++;
                _lastWasCr = false;
                return result;
            }
            _escape = NoEscape;
            if (b == 27)
            {
                // ESC starts a key's sequence (arrows: ESC [ D, ESC O A): consumed whole, never part of the line.
                DropPending();
                _escape = AfterEsc;
                Ignored++;
                _lastWasCr = false;
                return result;
            }
            if (b >= 0x80)
            {
                _lastWasCr = false;
                return Utf8(b, result, out echo);
            }
            DropPending();
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
            _pending[0] = b == 9 ? (byte)' ' : b;
            int appended = Append(1, result);
            if (appended != TooLong && !_discarding)
            {
                echo = b == 9 ? " " : new string((char)b, 1);
            }
            return appended;
        }

        /// <summary>The next byte of an escape sequence: true when it belongs to it (CSI: ESC [ params final; SS3: ESC O x; else ESC x).</summary>
        bool InEscape(byte b)
        {
            if (_escape == AfterEsc)
            {
                _escape = b == (byte)'[' ? InCsi : (b == (byte)'O' ? InSs3 : NoEscape);
                return b >= 0x20 && b < 0x7F;
            }
            if (_escape == InCsi && b >= 0x20 && b <= 0x3F)
            {
                return true; // parameters and intermediates
            }
            bool final = b >= 0x20 && b <= 0x7E;
            _escape = NoEscape;
            return final;
        }

        /// <summary>
        /// A byte of a multi-byte UTF-8 character: the character joins the line (and the echo) only
        /// once whole and valid (no overlong form, surrogate or code point past U+10FFFF); anything
        /// else is dropped from both, so what runs is what was echoed. A byte-order mark is dropped.
        /// </summary>
        int Utf8(byte b, int result, out string echo)
        {
            echo = null;
            if ((b & 0xC0) != 0x80)
            {
                DropPending();
                int need = b >= 0xC2 && b <= 0xDF ? 2 : (b >= 0xE0 && b <= 0xEF ? 3 : (b >= 0xF0 && b <= 0xF4 ? 4 : 0));
                if (need == 0)
                {
                    Ignored++;
                    return result;
                }
                _pending[0] = b;
                _pendingLength = 1;
                _pendingNeed = need;
                return result;
            }
            if (_pendingNeed == 0 || (_pendingLength == 1 && !SecondByteFits(_pending[0], b)))
            {
                DropPending();
                Ignored++;
                return result;
            }
            _pending[_pendingLength++] = b;
            if (_pendingLength < _pendingNeed)
            {
                return result;
            }
            int n = _pendingLength;
            _pendingLength = 0;
            _pendingNeed = 0;
            if (n == 3 && _pending[0] == 0xEF && _pending[1] == 0xBB && _pending[2] == 0xBF)
            {
                Ignored += 3; // a byte-order mark: not part of any command
                return result;
            }
            int appended = Append(n, result);
            if (appended != TooLong && !_discarding)
            {
                echo = new string(System.Text.Encoding.UTF8.GetChars(_pending, 0, n));
            }
            return appended;
        }

        /// <summary>The second byte's range for leads that have one: no overlongs (E0, F0), no surrogates (ED), nothing past U+10FFFF (F4).</summary>
        static bool SecondByteFits(byte lead, byte b)
        {
            if (lead == 0xE0) return b >= 0xA0;
            if (lead == 0xED) return b <= 0x9F;
            if (lead == 0xF0) return b >= 0x90;
            if (lead == 0xF4) return b <= 0x8F;
            return true;
        }

        void DropPending()
        {
            Ignored += _pendingLength;
            _pendingLength = 0;
            _pendingNeed = 0;
        }

        /// <summary>Adds _pending[0..n) to the line, or starts dropping it when it would grow past MaxLine.</summary>
        int Append(int n, int result)
        {
            if (_discarding)
            {
                return result;
            }
            if (_length + n > MaxLine)
            {
                _length = 0;
                _discarding = true;
                return TooLong;
            }
            for (int i = 0; i < n; i++)
            {
                _buf[_length++] = _pending[i];
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
