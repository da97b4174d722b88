using System;
using System.Threading.Tasks;
using PosSlot.Fleet.Messages;
using PosSlot.Fleet.Tests.Messages;

namespace PosSlot.Fleet.Tests.Support;

/// <summary>Publishes schema-valid state and events messages as the simulator user (it may write any board's topics).</summary>
public static class FleetPublisher
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static StateMessage State(string serial, int minute, string health = "Healthy", string site = "shop-7") =>
        Samples.State(site, serial) with { AgentTime = FleetJson.Time(Start.AddMinutes(minute)), Health = health };

    public static EventsMessage Events(string serial, int minute, params long[] ids) =>
        Samples.Events("shop-7", serial) with
        {
            AgentTime = FleetJson.Time(Start.AddMinutes(minute)),
            Events = Array.ConvertAll(ids, id => new Milestone(id, id * 1000, "health_changed", id * 10, "Healthy -> Watch")),
        };

    public static Task Publish(this MqttProbe p, StateMessage m) => p.Publish(FleetTopics.State(m.Site, m.Serial), FleetJson.Bytes(m));

    public static Task Publish(this MqttProbe p, EventsMessage m) => p.Publish(FleetTopics.Events(m.Site, m.Serial), FleetJson.Bytes(m));
}
