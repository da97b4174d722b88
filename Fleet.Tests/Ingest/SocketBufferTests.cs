using System.Threading.Tasks;
using MQTTnet;
using PosSlot.Fleet.Agent;
using PosSlot.Fleet.Ingest;
using PosSlot.Fleet.Store;
using PosSlot.Fleet.Tests.Support;

namespace PosSlot.Fleet.Tests.Ingest;

/// <summary>
/// MQTTnet fixes each socket's buffers at 8 KB unless told otherwise. On Linux a fixed 8 KB receive buffer turns
/// window scaling off, and an ingester that once fell behind stayed at ~13 messages/s with the broker holding
/// megabytes it could not send (the sender was limited by the receive window 94 % of the time, `ss -tni`).
/// Every fleet connection asks for large buffers instead (the kernel caps them at net.core.rmem_max/wmem_max).
/// </summary>
[TestClass]
public sealed class SocketBufferTests
{
    private static readonly BrokerUrl Broker = BrokerUrl.Parse("mqtt://127.0.0.1:1883");

    [TestMethod]
    public async Task TheIngestersConnectionAsksForLargeSocketBuffers()
    {
        await using var store = await FleetStoreLocation.Parse(TestStores.NewSqlite()).OpenAsync();
        var ingester = new FleetIngester(store, new IngestOptions { Broker = Broker, ClientId = "ingest-buffers" });
        AssertLarge(ingester.ClientOptions());
    }

    [TestMethod]
    public void TheAgentsConnectionAsksForLargeSocketBuffers()
    {
        var publisher = new MqttFleetPublisher(BrokerUrl.Parse("mqtt://127.0.0.1:1883"), "agent-buffers", "u", "p");
        AssertLarge(publisher.ConnectOptions("posslot/v1/site/PS-0001/state", [1]));
    }

    private static void AssertLarge(MqttClientOptions options)
    {
        var tcp = (MqttClientTcpOptions)options.ChannelOptions;
        Assert.IsTrue(tcp.BufferSize >= 1 << 20, $"socket buffers {tcp.BufferSize} B");
    }
}
