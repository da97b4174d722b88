using System.Text.Json;
using PosSlot.Firmware.Tests.Support;

namespace PosSlot.Firmware.Tests.HostOnly
{
    /// <summary>Every machine reply body, success or error, is the documented JSON (checked with a real parser).</summary>
    [TestClass]
    public class ConsoleJsonTests
    {
        [TestMethod]
        public void EveryReplyParsesAndHasTheDocumentedShape()
        {
            var rig = new ConsoleRig(5);
            rig.Slot.Feed(InsertionShape.Healthy(), 70);
            string[] commands =
            [
                "help", "help wear", "help nosuch", "hello", "status", "counters", "wear", "events", "events --limit 99", "advice", "advice zh",
                "advice fr", "selftest", "errors", "read ok", "auth status", "auth challenge", "auth respond " + new string('0', 64),
                "auth respond zz", "auth", "counters reset --replaced", "maintenance cleaned", "fallback force on", "log clear",
                "bogus \"quoted\\ words", "status extra",
            ];
            int seq = 1;
            foreach (var c in commands)
            {
                string frame = rig.Send(seq++, c);
                Assert.IsTrue(ConsoleRig.FrameIntact(frame), frame);
                string body = frame[(frame.IndexOf(' ') + 1)..frame.LastIndexOf('*')];
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.GetProperty("ok").GetBoolean())
                {
                    Assert.AreEqual(JsonValueKind.Object, root.GetProperty("data").ValueKind, c);
                }
                else
                {
                    var err = root.GetProperty("err");
                    Assert.IsTrue(err.GetProperty("code").GetInt32() > 0, c);
                    Assert.IsFalse(string.IsNullOrEmpty(err.GetProperty("msg").GetString()), c);
                }
            }
        }
    }
}
