using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MQTTnet;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Broker;

/// <summary>The test broker itself: authentication, the fleet ACL, restart on the same port.</summary>
[TestClass]
public sealed class MosquittoHarnessTests
{
    [TestMethod]
    public async Task ATerminalPublishesOnlyUnderItsOwnSerial()
    {
        using var broker = MosquittoBroker.Start("PS-0001", "PS-0002");
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        await using var board = await MqttProbe.Connect(broker, "PS-0001");

        var own = await board.Publish("posslot/v1/shop-1/PS-0001/state", Encoding.UTF8.GetBytes("{}"), retain: true);
        Assert.IsTrue(own.IsSuccess, own.ReasonCode.ToString());
        var foreign = await board.Publish("posslot/v1/shop-1/PS-0002/state", Encoding.UTF8.GetBytes("{\"forged\":1}"), retain: true);
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);
        var outside = await board.Publish("other/topic", Encoding.UTF8.GetBytes("x"));
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, outside.ReasonCode);

        Assert.IsTrue(await ingest.WaitFor(r => r.Any(m => m.Topic.EndsWith("/PS-0001/state"))));
        await Task.Delay(300); // let anything wrongly routed arrive too
        Assert.IsFalse(ingest.All.Any(m => m.Topic.Contains("PS-0002") || m.Topic == "other/topic"));
    }

    [TestMethod]
    public async Task AnonymousAndWrongPasswordsAreRefused()
    {
        using var broker = MosquittoBroker.Start("PS-0001");
        var client = new MqttClientFactory().CreateMqttClient();
        var anonymous = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build();
        var refused = await client.ConnectAsync(anonymous);
        Assert.AreEqual(MqttClientConnectResultCode.NotAuthorized, refused.ResultCode);
        var wrong = await Assert.ThrowsAsync<InvalidOperationException>(() => MqttProbe.Connect(broker, "PS-0001", "wrong"));
        StringAssert.Contains(wrong.Message, "NotAuthorized", wrong.Message);
        client.Dispose();
    }

    [TestMethod]
    public async Task ARestartKeepsThePortAndTheRetainedState()
    {
        using var broker = MosquittoBroker.Start("PS-0001");
        await using (var board = await MqttProbe.Connect(broker, "PS-0001"))
        {
            Assert.IsTrue((await board.Publish("posslot/v1/shop-1/PS-0001/state", Encoding.UTF8.GetBytes("{\"n\":1}"), retain: true)).IsSuccess);
        }
        int port = broker.Port;
        broker.Stop();
        Assert.IsFalse(broker.Running);
        broker.Start();
        Assert.AreEqual(port, broker.Port);
        await using var ingest = await MqttProbe.Connect(broker, MosquittoBroker.Ingester);
        await ingest.Subscribe("posslot/v1/#");
        Assert.IsTrue(await ingest.WaitFor(r => r.Any(m => m.Retain && m.Text == "{\"n\":1}")));
    }
}
