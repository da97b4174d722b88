using MQTTnet;

namespace PosSlot.Fleet;

/// <summary>What every fleet MQTT connection shares: MQTT 5 to the broker URL, its client id, user and password, TLS for mqtts.</summary>
public static class FleetMqtt
{
    public static MqttClientOptionsBuilder Builder(BrokerUrl broker, string clientId, string? username, string? password)
    {
        var b = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId);
        if (username is not null)
        {
            b = b.WithCredentials(username, password);
        }
        if (broker.Tls)
        {
            b = b.WithTlsOptions(t => t.UseTls());
        }
        return b;
    }
}
