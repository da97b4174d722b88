using PosSlot.Firmware.Console;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.Console
{
    /// <summary>The challenge-response login: sessions, expiry, lockout with backoff across reboots, logging.</summary>
    [TestClass]
    public class AuthTests
    {
        const long Minute = 60L * 1000000;

        static string WrongResponse()
        {
            return new string('0', 64);
        }

        static string Fail(ConsoleRig rig, int seq)
        {
            rig.Send(seq, "auth challenge");
            return rig.Send(seq + 1, "auth respond " + WrongResponse());
        }

        [TestMethod]
        public void TheRightResponseOpensASessionAndIsLogged()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            Assert.AreEqual("true", ConsoleRig.Field(rig.Send(3, "auth status"), "session"));
            Assert.AreEqual(1, rig.Slot.Events.CountOf(EventCode.AuthSucceeded));
        }

        [TestMethod]
        public void AResponseIsGoodForItsOwnNonceOnly()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string nonce = ConsoleRig.Field(rig.Send(1, "auth challenge"), "nonce");
            string response = Hex.Of(DeviceKey.Response(rig.Key.Key, Hex.Parse(nonce), ConsoleRig.Serial));
            rig.Send(2, "auth respond " + response);
            rig.Send(3, "auth logout");
            // Replaying the recorded response: its nonce was used up.
            Assert.AreEqual(ErrorCode.NoChallenge.ToString(), ConsoleRig.Field(rig.Send(4, "auth respond " + response), "code"));
            rig.Send(5, "auth challenge");
            Assert.AreEqual(ErrorCode.AuthFailed.ToString(), ConsoleRig.Field(rig.Send(6, "auth respond " + response), "code"));
        }

        [TestMethod]
        public void FiveWrongResponsesLockAuthOutAndTheBackoffDoubles()
        {
            ConsoleRig rig = new ConsoleRig(1);
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(ErrorCode.AuthFailed.ToString(), ConsoleRig.Field(Fail(rig, 10 * i + 1), "code"));
            }
            Assert.AreEqual(ErrorCode.AuthLockedOut.ToString(), ConsoleRig.Field(Fail(rig, 50), "code"));
            // Locked: even the right key cannot get a challenge.
            Assert.AreEqual(ErrorCode.AuthLockedOut.ToString(), ConsoleRig.Field(rig.Send(60, "auth challenge"), "code"));
            Assert.AreEqual("60", ConsoleRig.Field(rig.Send(61, "auth status"), "locked_s"));
            rig.T += Minute;
            // One more failure after the lockout locks again, for twice as long.
            Fail(rig, 70);
            Assert.AreEqual("120", ConsoleRig.Field(rig.Send(72, "auth status"), "locked_s"));
            Assert.AreEqual(6, rig.Slot.Events.CountOf(EventCode.AuthFailed));
            Assert.AreEqual(2, rig.Slot.Events.CountOf(EventCode.AuthLockedOut));
        }

        [TestMethod]
        public void TheBackoffStopsAtThirtyMinutes()
        {
            long[] expected = new long[] { 1, 2, 4, 8, 16, 30, 30 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i] * Minute, AuthGate.Backoff(i));
            }
        }

        [TestMethod]
        public void TheLockoutSurvivesAReboot()
        {
            ConsoleRig rig = new ConsoleRig(1);
            for (int i = 0; i < AuthGate.MaxFailures; i++)
            {
                Fail(rig, 10 * i + 1);
            }
            // Time with the power off does not count: the board boots still locked for the full minute.
            ConsoleRig rebooted = new ConsoleRig(1, rig.Flash);
            string status = rebooted.Send(1, "auth status");
            Assert.AreEqual("60", ConsoleRig.Field(status, "locked_s"), status);
            Assert.AreEqual(ErrorCode.AuthLockedOut.ToString(), ConsoleRig.Field(rebooted.Send(2, "auth challenge"), "code"));
        }

        [TestMethod]
        public void AnUnreadableLockoutFileLocksForTheLongestStep()
        {
            ConsoleRig rig = new ConsoleRig(1);
            Fail(rig, 1);
            rig.Flash.FlipBit(AuthGate.FileName, 12 * 8);
            ConsoleRig rebooted = new ConsoleRig(1, rig.Flash);
            Assert.AreEqual("1800", ConsoleRig.Field(rebooted.Send(1, "auth status"), "locked_s"));
            Assert.AreEqual(1, rebooted.Slot.Events.CountOf(EventCode.AuthLockedOut));
        }

        [TestMethod]
        public void ASessionEndsAfterTenIdleMinutes()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            rig.T += 9 * Minute;
            Assert.AreEqual("true", ConsoleRig.Field(rig.Send(3, "auth status"), "session"));
            rig.T += 10 * Minute + 1;
            Assert.AreEqual("false", ConsoleRig.Field(rig.Send(4, "auth status"), "session"));
        }

        [TestMethod]
        public void ASessionEndsAfterSixtyMinutesHoweverBusy()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            for (int i = 0; i < 12; i++)
            {
                rig.T += 5 * Minute;
                rig.Send(10 + i, "status");
            }
            rig.T += 1;
            Assert.AreEqual("false", ConsoleRig.Field(rig.Send(30, "auth status"), "session"));
        }

        [TestMethod]
        public void TheKeyIsNeverPrinted()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Login(1);
            string key = Hex.Of(rig.Key.Key);
            string[] all = new string[] { "help", "hello", "status", "selftest", "errors", "auth status", "counters", "wear" };
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsTrue(rig.Send(10 + i, all[i]).IndexOf(key) < 0);
                Assert.IsTrue(rig.Type(all[i]).IndexOf(key) < 0);
            }
        }

        [TestMethod]
        public void ABoardWithoutAKeyRefusesEveryResponse()
        {
            ConsoleRig rig = new ConsoleRig(1);
            AuthGate keyless = new AuthGate(null, rig.Nonces, rig.Flash);
            byte[] nonce = keyless.Challenge(rig.T);
            Assert.AreEqual(AuthGate.Rejected, keyless.Respond(DeviceKey.Response(rig.Key.Key, nonce, ConsoleRig.Serial), rig.T));
        }

        [TestMethod]
        public void AKeylessBoardSaysSoAndCountsNothing()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.BootWithoutKey();
            string challenge = rig.Send(1, "auth challenge");
            Assert.AreEqual(ErrorCode.NotAvailable.ToString(), ConsoleRig.Field(challenge, "code"), challenge);
            Assert.IsTrue(challenge.IndexOf("no device key") > 0, challenge);
            for (int i = 0; i < 7; i++)
            {
                Assert.AreEqual(ErrorCode.NotAvailable.ToString(), ConsoleRig.Field(rig.Send(2 + i, "auth respond " + WrongResponse()), "code"));
            }
            Assert.AreEqual(0, rig.Auth.Failures);
            Assert.AreEqual(0L, rig.Auth.LockedForUs(rig.T));
            Assert.IsTrue(rig.Type("auth challenge").IndexOf("no device key") > 0);
        }

        [TestMethod]
        public void AResponseOfTheWrongShapeIsRefusedBeforeItCounts()
        {
            ConsoleRig rig = new ConsoleRig(1);
            string challenge = rig.Send(1, "auth challenge");
            string[] bad = new string[] { "12", new string('A', 63), new string('A', 65), new string('G', 64) };
            for (int i = 0; i < bad.Length; i++)
            {
                string reply = rig.Send(2 + i, "auth respond " + bad[i]);
                Assert.AreEqual(ErrorCode.BadArguments.ToString(), ConsoleRig.Field(reply, "code"), bad[i]);
                Assert.IsTrue(reply.IndexOf("64 hex digits") > 0, reply);
            }
            Assert.AreEqual(0, rig.Auth.Failures, "not an attempt");
            byte[] nonce = Hex.Parse(ConsoleRig.Field(challenge, "nonce"));
            string ok = rig.Send(9, "auth respond " + Hex.Of(DeviceKey.Response(rig.Key.Key, nonce, ConsoleRig.Serial)));
            Assert.AreEqual("true", ConsoleRig.Field(ok, "session"), "the challenge is still good for the right response");
        }

        [TestMethod]
        public void AFailedResponseIsNeverEchoedBack()
        {
            ConsoleRig rig = new ConsoleRig(1);
            rig.Send(1, "auth challenge");
            string wrong = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";
            Assert.IsTrue(rig.Send(2, "auth respond " + wrong).IndexOf("0123456789ABCDEF") < 0);
            rig.Send(3, "auth challenge");
            string typed = rig.Type("auth respond " + wrong);
            Assert.IsTrue(typed.IndexOf("error 8") >= 0, typed);
            Assert.IsTrue(typed.Substring(typed.IndexOf("error 8")).IndexOf("0123456789ABCDEF") < 0, "only the person's own echo shows it");
        }
    }
}
