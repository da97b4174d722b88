namespace PosSlot.Fleet;

/// <summary>The MQTT topic layout: posslot/v1/&lt;site&gt;/&lt;serial&gt;/(state|events).</summary>
public static class FleetTopics
{
    public const string Root = "posslot/v1";

    public static string State(string site, string serial) => $"{Root}/{site}/{serial}/state";

    public static string Events(string site, string serial) => $"{Root}/{site}/{serial}/events";
}
