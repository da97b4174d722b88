using MQTTnet;

namespace PosSlot.Fleet;

/// <summary>
/// Socket buffers for every fleet MQTT connection. MQTTnet sets SO_RCVBUF and SO_SNDBUF to 8 KB by default; on
/// Linux a fixed 8 KB receive buffer turns TCP window scaling off, and an ingester that fell behind while the
/// simulator held the CPU then crawled at ~13 messages/s for good: the broker held megabytes it could not send,
/// limited by the ingester's receive window 94 % of the time (`ss -tni`). The kernel caps what is asked for at
/// net.core.rmem_max / wmem_max (Debian: 208 KB by default), still far above 8 KB and with scaling on.
/// </summary>
public static class FleetSocketBuffers
{
    public const int Bytes = 4 << 20;

    /// <summary>The options with large socket buffers (TCP channels; a WebSocket channel is left alone).</summary>
    public static MqttClientOptions WithLargeSocketBuffers(this MqttClientOptions options)
    {
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = Bytes;
        }
        return options;
    }
}
