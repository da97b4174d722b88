using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using PosSlot.Firmware;
using PosSlot.Firmware.Console;
using PosSlot.Firmware.Health;
using PosSlot.Host.Diag;

namespace PosSlot.Host.Tests.Diag;

/// <summary>DiagLink against the real console over a wire that loses a reply: the request is sent again with the same seq and answered from the board's cache.</summary>
[TestClass]
public class DiagLinkRetryTests
{
    /// <summary>A duplex in-memory wire: writes go to the console, the console's output comes back, except the replies it is told to lose.</summary>
    sealed class LossyWire : Stream, IConsolePort
    {
        readonly BlockingCollection<byte[]> _toHost = new();
        byte[] _pending = [];
        int _at;
        public DiagConsole Console = null!;
        public int RepliesToLose;
        public long T = 2_000_000;

        public void Write(string text)
        {
            if (text.StartsWith("$") && RepliesToLose > 0)
            {
                RepliesToLose--;
                return;
            }
            _toHost.Add(Encoding.UTF8.GetBytes(text));
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            T += 1000;
            Console.Receive(buffer, offset, count, T);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at == _pending.Length)
            {
                _pending = _toHost.Take();
                _at = 0;
            }
            int n = Math.Min(count, _pending.Length - _at);
            Array.Copy(_pending, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        public override void Flush() { }
        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    sealed class FixedNonces : INonceSource
    {
        public void Fill(byte[] nonce) => Array.Fill(nonce, (byte)7);
    }

    [TestMethod]
    public void ALostReplyIsAskedForAgainAndTheCommandRunsOnce()
    {
        var wire = new LossyWire();
        var fw = new SlotFirmware(new SlotConfig(), new HealthSettings(), new DisconnectedFallbackOutput(), SlotFirmware.DefaultLogCapacity);
        var key = new DeviceKey { Serial = "PS-1", Key = new byte[32] };
        wire.Console = new DiagConsole(fw, new DeviceIdentity { Serial = "PS-1" }, new AuthGate(key, new FixedNonces(), null), wire, null, null, 1_000_000);
        using var link = DiagLink.Over(wire);
        link.ReplyTimeout = TimeSpan.FromMilliseconds(300);
        var challenge = link.Request("auth challenge");
        var nonce = Hex.Parse(challenge.Text("nonce"))!;
        var response = DeviceKey.Response(key.Key, nonce, "PS-1");
        Assert.IsTrue(link.Request("auth respond " + Hex.Of(response)).Ok);
        var sessionKey = DeviceKey.SessionKey(key.Key, nonce, response);
        wire.RepliesToLose = 1;
        var reply = link.Request("fallback force on --minutes 3", (seq, command) => DiagSession.Tag(sessionKey, seq, command));
        Assert.IsTrue(reply.Ok, reply.Body);
        Assert.AreEqual(1L, link.Retries);
        Assert.AreEqual(1L, wire.Console.RepliesReplayed, "the board answered the retry from its cache");
        Assert.AreEqual(1L, wire.Console.DestructiveRun, "and ran the command once");
    }
}
