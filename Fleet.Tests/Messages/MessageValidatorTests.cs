using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PosSlot.Fleet.Messages;

namespace PosSlot.Fleet.Tests.Messages;

[TestClass]
public sealed class MessageValidatorTests
{
    const string StateTopic = "posslot/v1/shop-7/PS-0001/state";
    const string EventsTopic = "posslot/v1/shop-7/PS-0001/events";

    [TestMethod]
    public void AnAgentsStateAndEventsAreValidAndRoundTrip()
    {
        var state = FleetJson.Bytes(Samples.State());
        var v = MessageValidator.Check(StateTopic, state);
        Assert.IsTrue(v.Valid, v.Reason);
        var back = FleetJson.State(state)!;
        Assert.AreEqual("Watch", back.Health);
        Assert.AreEqual(30, back.Wear!.FailedInDays!.Mid);
        Assert.AreEqual("计划更换卡槽。", back.Advice!.Zh[0].Text);
        StringAssert.Contains(Encoding.UTF8.GetString(state), "\"agent_time\":\"2026-03-01T12:00:00Z\"");

        var events = FleetJson.Bytes(Samples.Events());
        var e = MessageValidator.Check(EventsTopic, events);
        Assert.IsTrue(e.Valid, e.Reason);
        Assert.AreEqual(12, FleetJson.Events(events)!.Events.Last().Id);
    }

    [TestMethod]
    public void OfflineAndBoardLostCarryNoReadings()
    {
        var lost = Samples.State() with { Status = StateMessage.BoardLost, Board = null, Health = null, Fault = null, Fallback = null, Advice = null, Counters = null, Wear = null, Reason = "no reply" };
        Assert.IsTrue(MessageValidator.Check(StateTopic, FleetJson.Bytes(lost)).Valid);
        // Online without readings would be a guess: refused.
        var guessed = lost with { Status = StateMessage.Online };
        var v = MessageValidator.Check(StateTopic, FleetJson.Bytes(guessed));
        Assert.IsFalse(v.Valid);
        StringAssert.StartsWith(v.Reason, "schema:");
    }

    [TestMethod]
    public void EachBadMessageIsDroppedWithItsReason()
    {
        var ok = FleetJson.Bytes(Samples.State());
        Assert.AreEqual("foreign topic (not posslot/v1/<site>/<serial>/<kind>)", MessageValidator.Check("other/v1/a/b/state", ok).Reason);
        StringAssert.StartsWith(MessageValidator.Check("posslot/v1/shop-7/PS-0001/config", ok).Reason, "unknown message kind");
        StringAssert.StartsWith(MessageValidator.Check("posslot/v1/shop-7/PS-0002/state", ok).Reason, "wrong serial");
        StringAssert.StartsWith(MessageValidator.Check("posslot/v1/shop-8/PS-0001/state", ok).Reason, "wrong site");
        StringAssert.StartsWith(MessageValidator.Check(StateTopic, Encoding.UTF8.GetBytes("{\"schema\":")).Reason, "malformed JSON");
        StringAssert.StartsWith(MessageValidator.Check(StateTopic, new byte[MessageValidator.MaxBytes + 1]).Reason, "oversized");
        // An events document on the state topic, and a state with an unknown health.
        StringAssert.StartsWith(MessageValidator.Check(StateTopic, FleetJson.Bytes(Samples.Events())).Reason, "schema:");
        var node = JsonNode.Parse(ok)!;
        node["health"] = "Fine";
        var v = MessageValidator.Check(StateTopic, Encoding.UTF8.GetBytes(node.ToJsonString()));
        StringAssert.Contains(v.Reason, "/health", v.Reason);
    }

    [TestMethod]
    public void AMilestoneMissingItsIdIsRefused()
    {
        var node = JsonNode.Parse(FleetJson.Bytes(Samples.Events()))!;
        node["events"]![0]!.AsObject().Remove("id");
        var v = MessageValidator.Check(EventsTopic, Encoding.UTF8.GetBytes(node.ToJsonString()));
        Assert.IsFalse(v.Valid);
        StringAssert.Contains(v.Reason, "/events/0");
    }

    [TestMethod]
    public void TopicsParseToSiteSerialAndKind()
    {
        var a = FleetAddress.Parse(EventsTopic, out _)!;
        Assert.AreEqual(("shop-7", "PS-0001", "events"), (a.Site, a.Serial, a.Kind));
        Assert.IsNull(FleetAddress.Parse("posslot/v1/shop 7/PS-0001/state", out _));
        Assert.IsNull(FleetAddress.Parse("posslot/v1/shop-7/PS-0001/state/extra", out _));
        Assert.IsFalse(FleetAddress.IsName("a+b"));
        Assert.IsFalse(FleetAddress.IsName("#"));
    }

    [TestMethod]
    public void TheSchemaFilesAreEmbeddedAndValidJson()
    {
        using var s = JsonDocument.Parse(MessageValidator.SchemaText(FleetAddress.StateKind));
        Assert.AreEqual("posslot.state/1", s.RootElement.GetProperty("properties").GetProperty("schema").GetProperty("const").GetString());
    }
}
