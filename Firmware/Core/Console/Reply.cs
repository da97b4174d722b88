using System.Text;

namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// One reply, written once by a command and rendered for whoever asked: "name: value unit" lines
    /// for a person, or the machine mode's one-line JSON body ({"ok":true,"data":{...}} with units in
    /// the key, "uptime_s"). Numbers are written with integer arithmetic so both runtimes print the
    /// same digits. Reused between commands: Start clears it.
    /// </summary>
    public sealed class Reply
    {
        const int NameWidth = 16;
        readonly StringBuilder _sb = new StringBuilder(512);
        bool _json;
        bool _first;
        bool _inItem;
        bool _failed;

        public bool Json { get { return _json; } }
        public bool Failed { get { return _failed; } }
        public int ErrorCodeValue;

        public void Start(bool json)
        {
            _sb.Clear();
            _json = json;
            _first = true;
            _inItem = false;
            _failed = false;
            ErrorCodeValue = 0;
            if (json)
            {
                _sb.Append("{\"ok\":true,\"data\":{");
            }
        }

        /// <summary>Replaces anything written so far with an error.</summary>
        public void Error(int code, string message)
        {
            _sb.Clear();
            _failed = true;
            ErrorCodeValue = code;
            if (_json)
            {
                _sb.Append("{\"ok\":false,\"err\":{\"code\":").Append(code).Append(",\"msg\":");
                JsonString(message);
                _sb.Append("}}");
            }
            else
            {
                _sb.Append("error ").Append(code).Append(" (").Append(ErrorCode.Name(code)).Append("): ").Append(message).Append("\r\n");
            }
        }

        /// <summary>The finished body: one JSON line, or the person's lines (each ending CRLF).</summary>
        public string Finish()
        {
            if (_json && !_failed)
            {
                _sb.Append("}}");
            }
            return _sb.ToString();
        }

        public void Text(string name, string value)
        {
            Key(name, null);
            if (_json)
            {
                JsonString(value);
            }
            else
            {
                _sb.Append(value);
            }
            EndValue(null);
        }

        public void Number(string name, long value, string unit)
        {
            Key(name, unit);
            _sb.Append(value);
            EndValue(unit);
        }

        /// <summary>A span of time: `name_s` in JSON; for a person "1h29m41s".</summary>
        public void Seconds(string name, long seconds)
        {
            if (_json)
            {
                Number(name, seconds, "s");
                return;
            }
            Text(name, Duration(seconds));
        }

        /// <summary>A count where -1 means unknown (JSON keeps -1, as documented); a person reads "unknown".</summary>
        public void Known(string name, long value, string unit)
        {
            if (!_json && value < 0)
            {
                Text(name, "unknown");
                return;
            }
            Number(name, value, unit);
        }

        /// <summary>Seconds as a person reads them: 41s, 29m41s, 1h29m41s, 3d04h05m06s.</summary>
        public static string Duration(long seconds)
        {
            if (seconds < 0)
            {
                seconds = 0;
            }
            long d = seconds / 86400;
            long h = seconds / 3600 % 24;
            long m = seconds / 60 % 60;
            long s = seconds % 60;
            StringBuilder sb = new StringBuilder();
            if (d > 0)
            {
                sb.Append(d).Append('d');
            }
            if (d > 0 || h > 0)
            {
                Two(sb, h, d > 0).Append('h');
            }
            if (d > 0 || h > 0 || m > 0)
            {
                Two(sb, m, d > 0 || h > 0).Append('m');
            }
            Two(sb, s, d > 0 || h > 0 || m > 0).Append('s');
            return sb.ToString();
        }

        static StringBuilder Two(StringBuilder sb, long v, bool pad)
        {
            if (pad && v < 10)
            {
                sb.Append('0');
            }
            return sb.Append(v);
        }

        /// <summary>A value with `decimals` places (0..6); NaN or infinity is null / "n/a".</summary>
        public void Decimal(string name, double value, int decimals, string unit)
        {
            Key(name, unit);
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                _sb.Append(_json ? "null" : "n/a");
                EndValue(null);
                return;
            }
            AppendFixed(_sb, value, decimals);
            EndValue(unit);
        }

        public void Flag(string name, bool value)
        {
            Key(name, null);
            _sb.Append(_json ? (value ? "true" : "false") : (value ? "yes" : "no"));
            EndValue(null);
        }

        /// <summary>A human-only line (help text); machine replies carry it as a "text" list item.</summary>
        public void Line(string text)
        {
            if (_json)
            {
                Text("line", text);
                return;
            }
            _sb.Append(text).Append("\r\n");
        }

        public void BeginList(string name)
        {
            if (_json)
            {
                Comma();
                JsonString(name);
                _sb.Append(":[");
                _first = true;
            }
            else
            {
                _sb.Append(name).Append(":\r\n");
            }
        }

        public void EndList()
        {
            if (_json)
            {
                _sb.Append("]");
                _first = false;
            }
        }

        public void BeginItem()
        {
            if (_json)
            {
                Comma();
                _sb.Append("{");
                _first = true;
            }
            else
            {
                _sb.Append(" ");
            }
            _inItem = true;
        }

        public void EndItem()
        {
            _sb.Append(_json ? "}" : "\r\n");
            _first = false;
            _inItem = false;
        }

        void Key(string name, string unit)
        {
            if (_json)
            {
                Comma();
                _sb.Append('"').Append(name);
                if (unit != null && unit.Length > 0)
                {
                    _sb.Append('_').Append(unit);
                }
                _sb.Append("\":");
                return;
            }
            if (_inItem)
            {
                _sb.Append(' ').Append(name).Append('=');
                return;
            }
            _sb.Append(name).Append(": ");
            for (int i = name.Length + 2; i < NameWidth; i++)
            {
                _sb.Append(' ');
            }
        }

        void EndValue(string unit)
        {
            if (_json)
            {
                return;
            }
            if (unit != null && unit.Length > 0)
            {
                if (!_inItem)
                {
                    _sb.Append(' ');
                }
                _sb.Append(unit);
            }
            if (!_inItem)
            {
                _sb.Append("\r\n");
            }
        }

        void Comma()
        {
            if (!_first)
            {
                _sb.Append(',');
            }
            _first = false;
        }

        void JsonString(string s)
        {
            AppendJsonString(_sb, s);
        }

        /// <summary>A JSON string literal: quotes, backslashes and control characters escaped.</summary>
        public static void AppendJsonString(StringBuilder sb, string s)
        {
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\')
                {
                    sb.Append('\\').Append(c);
                }
                else if (c < ' ')
                {
                    sb.Append("\\u00").Append(Hex.Of(c, 2));
                }
                else
                {
                    sb.Append(c);
                }
            }
            sb.Append('"');
        }

        /// <summary>`value` rounded half away from zero to `decimals` places, e.g. 12.35.</summary>
        public static void AppendFixed(StringBuilder sb, double value, int decimals)
        {
            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }
            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            long scaled = (long)(magnitude * scale + 0.5);
            if (negative && scaled != 0)
            {
                sb.Append('-');
            }
            sb.Append(scaled / scale);
            if (decimals > 0)
            {
                sb.Append('.');
                long frac = scaled % scale;
                for (long d = scale / 10; d > 0; d /= 10)
                {
                    sb.Append((char)('0' + (int)(frac / d % 10)));
                }
            }
        }
    }
}
