using PosSlot.Firmware.Persistence;

namespace PosSlot.Firmware.Console
{
    /// <summary>
    /// The console's challenge-response login and its session. `auth challenge` gives a fresh nonce;
    /// the response is HMAC-SHA256(device key, nonce || serial) in hex. A session ends after IdleUs
    /// without a command or SessionUs in all. MaxFailures wrong responses lock authentication out for
    /// a backoff that doubles from FirstLockoutUs up to MaxLockoutUs; while locked, every further
    /// failure re-locks at the next step. The lockout is written to the drive (auth.bin) before a
    /// response is checked, so cutting power never buys an attempt; an unreadable auth.bin locks out
    /// at the longest step.
    /// </summary>
    public sealed class AuthGate
    {
        public const int NonceBytes = 16;
        public const long IdleUs = 10L * 60 * 1000000;
        public const long SessionUs = 60L * 60 * 1000000;
        public const long NonceLifetimeUs = 2L * 60 * 1000000;
        public const int MaxFailures = 5;
        public const long FirstLockoutUs = 60L * 1000000;
        public const long MaxLockoutUs = 30L * 60 * 1000000;
        public const string FileName = "auth.bin";

        /// <summary>Respond's results.</summary>
        public const int Accepted = 0;
        public const int Rejected = 1;
        public const int LockedOut = 2;
        public const int NoChallenge = 3;

        readonly DeviceKey _key;
        readonly INonceSource _nonces;
        readonly IStateStorage _storage;
        readonly ByteWriter _record = new ByteWriter(40);
        byte[] _nonce;
        long _nonceUs;
        bool _session;
        byte[] _sessionKey;
        int _lastTaggedSeq;
        long _sessionStartUs;
        long _lastUseUs;
        int _failures;
        int _lockouts;
        long _lockedUntilUs;
        uint _recordSeq;

        /// <summary>`key` null: the board has no key file, and authentication always fails.</summary>
        public AuthGate(DeviceKey key, INonceSource nonces, IStateStorage storage)
        {
            _key = key;
            _nonces = nonces;
            _storage = storage;
        }

        public bool HasKey { get { return _key != null; } }
        public int Failures { get { return _failures; } }
        public int Lockouts { get { return _lockouts; } }

        /// <summary>Restores the lockout at boot (nowUs: this boot's clock). Returns false when auth.bin was unreadable.</summary>
        public bool Load(long nowUs)
        {
            byte[] data = _storage == null ? null : _storage.Read(FileName);
            if (data == null)
            {
                return true;
            }
            int kind, length;
            uint seq;
            bool ok = RecordFrame.Check(data, 0, data.Length, out kind, out seq, out length) == StoreDiscard.None
                && kind == RecordKind.AuthLockout;
            if (ok)
            {
                ByteReader r = new ByteReader(data, RecordFrame.HeaderSize, length);
                int failures = r.IntIn(0, 1000000);
                int lockouts = r.IntIn(0, 1000000);
                long remaining = r.Long();
                ok = !r.Failed && r.Remaining == 0 && remaining >= 0 && remaining <= MaxLockoutUs;
                if (ok)
                {
                    _failures = failures;
                    _lockouts = lockouts;
                    // Time with the power off does not count: the remaining lockout starts again now.
                    _lockedUntilUs = remaining > 0 ? nowUs + remaining : 0;
                    _recordSeq = seq;
                }
            }
            if (!ok)
            {
                _failures = MaxFailures;
                _lockouts = 6;
                _lockedUntilUs = nowUs + MaxLockoutUs;
                Save(nowUs);
            }
            return ok;
        }

        /// <summary>Microseconds of lockout left (0 when not locked).</summary>
        public long LockedForUs(long nowUs)
        {
            return _lockedUntilUs > nowUs ? _lockedUntilUs - nowUs : 0;
        }

        /// <summary>A new nonce (and any earlier one void), or null while locked out.</summary>
        public byte[] Challenge(long nowUs)
        {
            if (LockedForUs(nowUs) > 0)
            {
                return null;
            }
            _nonce = new byte[NonceBytes];
            _nonces.Fill(_nonce);
            _nonceUs = nowUs;
            return _nonce;
        }

        /// <summary>Checks a response to the current nonce (used once, whatever the result).</summary>
        public int Respond(byte[] response, long nowUs)
        {
            if (LockedForUs(nowUs) > 0)
            {
                return LockedOut;
            }
            byte[] nonce = _nonce;
            _nonce = null;
            if (nonce == null || nowUs - _nonceUs > NonceLifetimeUs)
            {
                return NoChallenge;
            }
            // Count the attempt as failed on the drive before checking it.
            _failures++;
            bool lockNow = _failures >= MaxFailures;
            long lockFor = Backoff(_lockouts);
            if (lockNow)
            {
                _lockedUntilUs = nowUs + lockFor;
                _lockouts++;
            }
            Save(nowUs);
            if (_key != null && response != null && Same(DeviceKey.Response(_key.Key, nonce, _key.Serial), response))
            {
                _failures = 0;
                _lockouts = 0;
                _lockedUntilUs = 0;
                Save(nowUs);
                _session = true;
                _sessionKey = DeviceKey.SessionKey(_key.Key, nonce, response);
                _lastTaggedSeq = 0;
                _sessionStartUs = nowUs;
                _lastUseUs = nowUs;
                return Accepted;
            }
            EndSession();
            return lockNow ? LockedOut : Rejected;
        }

        /// <summary>Whether a session is open at nowUs (ending it if it expired).</summary>
        public bool Authenticated(long nowUs)
        {
            if (_session && (nowUs - _lastUseUs > IdleUs || nowUs - _sessionStartUs > SessionUs))
            {
                EndSession();
            }
            return _session;
        }

        /// <summary>A command ran in the session: the idle clock restarts.</summary>
        public void Touch(long nowUs)
        {
            if (Authenticated(nowUs))
            {
                _lastUseUs = nowUs;
            }
        }

        public void Logout()
        {
            EndSession();
        }

        void EndSession()
        {
            _session = false;
            _sessionKey = null;
        }

        /// <summary>
        /// Whether `tag` is the open session's tag for data[offset..offset+length) (the frame's seq and
        /// command line): only the client that logged in holds the session key.
        /// </summary>
        public bool TagMatches(byte[] data, int offset, int length, byte[] tag, long nowUs)
        {
            if (!Authenticated(nowUs) || _sessionKey == null)
            {
                return false;
            }
            byte[] expected = DeviceKey.Tag(_sessionKey, data, offset, length);
            int diff = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                diff |= expected[i] ^ tag[i];
            }
            return diff == 0;
        }

        /// <summary>
        /// Takes a tagged frame's seq for a destructive command: false when it is not above the
        /// session's last, so a recorded frame can never run again once it left the reply cache.
        /// </summary>
        public bool TakeTaggedSeq(int seq)
        {
            if (seq <= _lastTaggedSeq)
            {
                return false;
            }
            _lastTaggedSeq = seq;
            return true;
        }

        /// <summary>Session time left at nowUs: the sooner of the idle and the total limit (0 without a session).</summary>
        public long SessionLeftUs(long nowUs)
        {
            if (!Authenticated(nowUs))
            {
                return 0;
            }
            long idle = _lastUseUs + IdleUs - nowUs;
            long total = _sessionStartUs + SessionUs - nowUs;
            return idle < total ? idle : total;
        }

        /// <summary>The lockout after `lockouts` earlier ones: 1, 2, 4, 8, 16 minutes, then 30.</summary>
        public static long Backoff(int lockouts)
        {
            long us = FirstLockoutUs;
            for (int i = 0; i < lockouts && us < MaxLockoutUs; i++)
            {
                us *= 2;
            }
            return us < MaxLockoutUs ? us : MaxLockoutUs;
        }

        void Save(long nowUs)
        {
            if (_storage == null)
            {
                return;
            }
            _record.Reset();
            int start = RecordFrame.Begin(_record, RecordKind.AuthLockout, ++_recordSeq);
            _record.Int(_failures);
            _record.Int(_lockouts);
            _record.Long(LockedForUs(nowUs));
            if (RecordFrame.End(_record, start))
            {
                _storage.Write(FileName, _record.Buffer, _record.Position);
            }
        }

        /// <summary>Compares in time independent of where they differ.</summary>
        static bool Same(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }
            int diff = 0;
            for (int i = 0; i < a.Length; i++)
            {
                diff |= a[i] ^ b[i];
            }
            return diff == 0;
        }
    }
}
