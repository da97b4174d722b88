namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// A device key file, as `posslot keygen` writes it and nanoff deploys it to the board:
    ///   # comment
    ///   serial=PS-0001
    ///   key=64 hex digits (32 bytes)
    /// The key authenticates a technician's session; it is never printed by the firmware.
    /// </summary>
    public sealed class DeviceKey
    {
        public const int KeyBytes = 32;
        public const string FileName = "device.key";

        public string Serial;
        public byte[] Key;

        /// <summary>The key in `text`, or null (with `error` saying why) when it is not a valid key file.</summary>
        public static DeviceKey Parse(string text, out string error)
        {
            DeviceKey k = new DeviceKey();
            error = null;
            int start = 0;
            int lineNo = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }
                lineNo++;
                string line = text.Substring(start, end - start).Trim();
                start = end + 1;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }
                int eq = line.IndexOf('=');
                string name = eq > 0 ? line.Substring(0, eq).Trim() : "";
                string value = eq > 0 ? line.Substring(eq + 1).Trim() : "";
                if (name == "serial" && IsSerial(value))
                {
                    k.Serial = value;
                }
                else if (name == "key" && value.Length == KeyBytes * 2 && Hex.Parse(value) != null)
                {
                    k.Key = Hex.Parse(value);
                }
                else
                {
                    error = "line " + lineNo.ToString() + ": expected serial=<1-32 of A-Z a-z 0-9 - _> or key=<64 hex digits>";
                    return null;
                }
            }
            if (k.Serial == null || k.Key == null)
            {
                error = k.Serial == null ? "no serial= line" : "no key= line";
                return null;
            }
            return k;
        }

        public static bool IsSerial(string s)
        {
            if (s == null || s.Length < 1 || s.Length > 32)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The file's text for this key.</summary>
        public string Format()
        {
            return "# PosSlot device key: keep it secret, deploy it to this board only\nserial=" + Serial + "\nkey=" + Hex.Of(Key) + "\n";
        }

        /// <summary>Bytes of a command's tag: the first 16 of the HMAC (32 hex digits on the line).</summary>
        public const int TagBytes = 16;

        static readonly byte[] s_sessionLabel = new byte[] { 0x73, 0x65, 0x73, 0x73, 0x69, 0x6F, 0x6E }; // "session"

        /// <summary>
        /// The session's key, derived at login: HMAC-SHA256(device key, "session" || nonce || response).
        /// Only the board and the client that answered the challenge can compute it.
        /// </summary>
        public static byte[] SessionKey(byte[] key, byte[] nonce, byte[] response)
        {
            byte[] message = new byte[s_sessionLabel.Length + nonce.Length + response.Length];
            System.Array.Copy(s_sessionLabel, 0, message, 0, s_sessionLabel.Length);
            System.Array.Copy(nonce, 0, message, s_sessionLabel.Length, nonce.Length);
            System.Array.Copy(response, 0, message, s_sessionLabel.Length + nonce.Length, response.Length);
            return System.Security.Cryptography.HMACSHA256.HashData(key, message);
        }

        /// <summary>
        /// A destructive frame's tag: the first TagBytes of HMAC-SHA256(session key, data[offset..offset+length)),
        /// where the data are the frame's bytes from its seq to the end of its command line ("12 log clear").
        /// </summary>
        public static byte[] Tag(byte[] sessionKey, byte[] data, int offset, int length)
        {
            byte[] message = new byte[length];
            System.Array.Copy(data, offset, message, 0, length);
            byte[] mac = System.Security.Cryptography.HMACSHA256.HashData(sessionKey, message);
            byte[] tag = new byte[TagBytes];
            System.Array.Copy(mac, 0, tag, 0, TagBytes);
            return tag;
        }

        /// <summary>The expected response to a challenge: HMAC-SHA256(key, nonce || UTF-8 serial).</summary>
        public static byte[] Response(byte[] key, byte[] nonce, string serial)
        {
            byte[] s = System.Text.Encoding.UTF8.GetBytes(serial);
            byte[] message = new byte[nonce.Length + s.Length];
            System.Array.Copy(nonce, 0, message, 0, nonce.Length);
            System.Array.Copy(s, 0, message, nonce.Length, s.Length);
            return System.Security.Cryptography.HMACSHA256.HashData(key, message);
        }
    }
}
