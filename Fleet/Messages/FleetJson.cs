using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PosSlot.Fleet.Messages;

/// <summary>The wire form of fleet messages: snake_case, UTF-8, nulls written (the schema says which may be null).</summary>
public static class FleetJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Bytes(StateMessage m) => JsonSerializer.SerializeToUtf8Bytes(m, Options);

    public static byte[] Bytes(EventsMessage m) => JsonSerializer.SerializeToUtf8Bytes(m, Options);

    public static StateMessage? State(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<StateMessage>(utf8, Options);

    public static EventsMessage? Events(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<EventsMessage>(utf8, Options);

    /// <summary>ISO 8601 UTC to the second, as agent_time carries it: 2026-01-01T12:00:00Z.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
