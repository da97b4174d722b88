using PosSlot.Firmware.Events;

namespace PosSlot.Firmware.Console
{
    /// <summary>`auth challenge|respond|status|logout`: every login, failure and lockout is logged; the key never leaves the board.</summary>
    public sealed partial class DiagConsole
    {
        void Auth()
        {
            string sub = _args[1];
            if ((sub == "challenge" && _args.Count == 2 || sub == "respond" && _args.Count == 3) && !_auth.HasKey)
            {
                // Nothing to log in with: say so, and count nothing toward a lockout.
                _reply.Error(ErrorCode.NotAvailable, "this board has no device key: deploy one with posslot flash --key-file; no session can be opened");
                return;
            }
            if (sub == "challenge" && _args.Count == 2)
            {
                byte[] nonce = _auth.Challenge(_nowUs);
                if (nonce == null)
                {
                    LockedOutError();
                    return;
                }
                _reply.Text("nonce", Hex.Of(nonce));
                _reply.Text("serial", _id.Serial);
                _reply.Seconds("valid", Seconds(AuthGate.NonceLifetimeUs));
            }
            else if (sub == "respond" && _args.Count == 3)
            {
                Respond(_args[2]);
            }
            else if (sub == "status" && _args.Count == 2)
            {
                bool session = _auth.Authenticated(_nowUs);
                _reply.Flag("session", session);
                _reply.Seconds("session_left", Seconds(_auth.SessionLeftUs(_nowUs)));
                _reply.Number("failures", _auth.Failures, null);
                _reply.Seconds("locked", LockedSeconds);
                _reply.Flag("key_present", _auth.HasKey);
            }
            else if (sub == "logout" && _args.Count == 2)
            {
                _auth.Logout();
                _reply.Flag("session", false);
            }
            else
            {
                _reply.Error(ErrorCode.BadArguments, "usage: auth challenge|respond <hex>|status|logout");
            }
        }

        void Respond(string hex)
        {
            byte[] response = hex.Length == 64 ? Hex.Parse(hex) : null;
            if (response == null)
            {
                // Not a response at all (a typo): refused before it is counted, and never echoed.
                _reply.Error(ErrorCode.BadArguments, "auth respond takes 64 hex digits (HMAC-SHA256(key, nonce||serial)): not counted");
                return;
            }
            int result = _auth.Respond(response, _nowUs);
            if (result == AuthGate.Accepted)
            {
                Logins++;
                Log(EventCode.AuthSucceeded, Logins, 0);
                _reply.Flag("session", true);
                _reply.Seconds("session_left", Seconds(_auth.SessionLeftUs(_nowUs)));
                return;
            }
            if (result == AuthGate.NoChallenge)
            {
                _reply.Error(ErrorCode.NoChallenge, "no challenge to answer (or it expired): run auth challenge first");
                return;
            }
            if (result == AuthGate.LockedOut && _auth.Failures == 0)
            {
                LockedOutError();
                return;
            }
            bool locked = _auth.LockedForUs(_nowUs) > 0;
            Log(EventCode.AuthFailed, _auth.Failures, locked ? 1 : 0);
            if (locked)
            {
                Log(EventCode.AuthLockedOut, LockedSeconds, 0);
                _reply.Error(ErrorCode.AuthLockedOut, "wrong response; authentication locked for " + LockedSeconds.ToString() + " s");
                return;
            }
            _reply.Error(ErrorCode.AuthFailed, "wrong response (" + _auth.Failures.ToString() + " of " + AuthGate.MaxFailures.ToString() + " before lockout)");
        }

        void LockedOutError()
        {
            _reply.Error(ErrorCode.AuthLockedOut, "authentication locked for " + LockedSeconds.ToString() + " s after repeated failures");
        }

        /// <summary>
        /// Whether a destructive command may run: only from a machine frame carrying the open session's
        /// tag over its exact bytes, with a seq above the session's last (docs/console.md). A typed line
        /// never may: it has no tag, so anything on the line could type it. A refusal is the reply and is logged.
        /// </summary>
        bool Authorised(int action)
        {
            int code = ErrorCode.AuthRequired;
            string why;
            if (_requestSeq == 0)
            {
                why = "a typed line cannot change the board: use posslot diag --key-file (its frames carry the session's tag)";
            }
            else if (!_auth.Authenticated(_nowUs))
            {
                why = "needs an authenticated session: auth challenge, then auth respond <hex>, then frames with the session's tag";
            }
            else if (!_requestTagged)
            {
                code = ErrorCode.BadTag;
                why = "needs the session's tag (' !<32 hex>' before the CRC): not executed";
            }
            else if (!_tagValid)
            {
                code = ErrorCode.BadTag;
                why = "the tag is not this session's for this frame: not executed";
            }
            else if (!_auth.TakeTaggedSeq(_requestSeq))
            {
                code = ErrorCode.BadTag;
                why = "seq not above the session's last tagged one: not executed";
            }
            else
            {
                return true;
            }
            Log(EventCode.ConsoleAction, action, code);
            _reply.Error(code, why);
            return false;
        }
    }
}
