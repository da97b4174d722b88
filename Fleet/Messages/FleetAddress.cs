using System.Text.RegularExpressions;

namespace PosSlot.Fleet.Messages;

/// <summary>What a topic says: posslot/v1/&lt;site&gt;/&lt;serial&gt;/(state|events).</summary>
public sealed record FleetAddress(string Site, string Serial, string Kind)
{
    public const string StateKind = "state";
    public const string EventsKind = "events";

    static readonly Regex NamePattern = new("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>A site or serial usable as one topic level (no '/', '+', '#', no spaces; 1..64 chars).</summary>
    public static bool IsName(string? s) => s != null && NamePattern.IsMatch(s);

    /// <summary>Parses a topic; null with the reason when it is not one of ours.</summary>
    public static FleetAddress? Parse(string topic, out string why)
    {
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0] != "posslot" || parts[1] != "v1")
        {
            why = "foreign topic (not posslot/v1/<site>/<serial>/<kind>)";
            return null;
        }
        if (!IsName(parts[2]) || !IsName(parts[3]))
        {
            why = "bad site or serial in the topic";
            return null;
        }
        if (parts[4] != StateKind && parts[4] != EventsKind)
        {
            why = $"unknown message kind '{parts[4]}'";
            return null;
        }
        why = "";
        return new FleetAddress(parts[2], parts[3], parts[4]);
    }
}
