namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// A command line split on spaces (nanoFramework has no Split(string)); at most MaxWords words,
    /// the rest refused. Options are `--name value` pairs among the words.
    /// </summary>
    public sealed class CommandArgs
    {
        public const int MaxWords = 8;

        readonly string[] _words = new string[MaxWords];
        int _count;

        public int Count { get { return _count; } }

        public string this[int i] { get { return i < _count ? _words[i] : ""; } }

        /// <summary>Splits `line`; false when it has more than MaxWords words.</summary>
        public bool Parse(string line)
        {
            _count = 0;
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }
                if (i == line.Length)
                {
                    break;
                }
                int start = i;
                while (i < line.Length && line[i] != ' ')
                {
                    i++;
                }
                if (_count == MaxWords)
                {
                    return false;
                }
                _words[_count++] = line.Substring(start, i - start);
            }
            return true;
        }

        /// <summary>Whether word `name` (like --replaced) is among the words from `from` on.</summary>
        public bool Has(string name, int from)
        {
            for (int i = from; i < _count; i++)
            {
                if (_words[i] == name)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// The number after option `name`: `fallback` when absent, -1 when present but not a whole
        /// number in [min, max].
        /// </summary>
        public long Option(string name, int from, long fallback, long min, long max)
        {
            for (int i = from; i < _count; i++)
            {
                if (_words[i] == name)
                {
                    long v;
                    if (i + 1 < _count && IsDigits(_words[i + 1]) && long.TryParse(_words[i + 1], out v) && v >= min && v <= max)
                    {
                        return v;
                    }
                    return -1;
                }
            }
            return fallback;
        }

        /// <summary>Whether every word from `from` on is one of the allowed option names or the value after one.</summary>
        public bool OnlyOptions(int from, string optionA, string optionB)
        {
            for (int i = from; i < _count; i++)
            {
                if (_words[i] == optionA || _words[i] == optionB)
                {
                    i++; // its value, checked by Option
                    continue;
                }
                return false;
            }
            return true;
        }

        static bool IsDigits(string s)
        {
            if (s.Length == 0 || s.Length > 18)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9')
                {
                    return false;
                }
            }
            return true;
        }
    }
}
