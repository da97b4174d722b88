using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace PosSlot.Fleet.Messages;

/// <summary>The verdict on one received message: valid (with its address and parsed document) or why not.</summary>
public sealed record Verdict(bool Valid, string Reason, FleetAddress? Address, JsonDocument? Document)
{
    public static Verdict Drop(string reason, FleetAddress? address = null) => new(false, reason, address, null);
}

/// <summary>
/// Checks a received message the way the ingester must before storing it: the topic is ours, the
/// payload at most 64 KB of JSON, valid against the schema for its kind (the embedded JSON Schema
/// files, evaluated by JsonSchema.Net), and its serial and site are the topic's (a board speaks only
/// for itself). Never throws on input; the reason says what was wrong.
/// </summary>
public static class MessageValidator
{
    /// <summary>The largest payload accepted (and the most an agent ever sends).</summary>
    public const int MaxBytes = 64 * 1024;

    public static JsonSchema StateSchema { get; } = Load("posslot-state-1.schema.json");
    public static JsonSchema EventsSchema { get; } = Load("posslot-events-1.schema.json");

    static JsonSchema Load(string file)
    {
        using var s = typeof(MessageValidator).Assembly.GetManifestResourceStream("PosSlot.Fleet.Messages.schema." + file)
            ?? throw new InvalidOperationException($"schema {file} is not embedded");
        using var r = new StreamReader(s);
        return JsonSchema.FromText(r.ReadToEnd());
    }

    /// <summary>The schema file's text (for docs and for anyone validating elsewhere).</summary>
    public static string SchemaText(string kind)
    {
        string file = kind == FleetAddress.StateKind ? "posslot-state-1.schema.json" : "posslot-events-1.schema.json";
        using var s = typeof(MessageValidator).Assembly.GetManifestResourceStream("PosSlot.Fleet.Messages.schema." + file)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag };

    public static Verdict Check(string topic, ReadOnlySpan<byte> payload)
    {
        var address = FleetAddress.Parse(topic, out var why);
        if (address == null)
        {
            return Verdict.Drop(why);
        }
        if (payload.Length > MaxBytes)
        {
            return Verdict.Drop($"oversized: {payload.Length} bytes (limit {MaxBytes})", address);
        }
        if (payload.Length == 0)
        {
            // An empty retained message clears the topic (an operator removing a board): nothing to store.
            return Verdict.Drop("empty payload", address);
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return Verdict.Drop("malformed JSON: " + Clip(e.Message), address);
        }
        var reason = CheckDocument(address, doc.RootElement);
        if (reason != null)
        {
            doc.Dispose();
            return Verdict.Drop(reason, address);
        }
        return new Verdict(true, "", address, doc);
    }

    /// <summary>Null when the document is valid for its address; else the reason.</summary>
    public static string? CheckDocument(FleetAddress address, JsonElement root)
    {
        var schema = address.Kind == FleetAddress.StateKind ? StateSchema : EventsSchema;
        // The flag alone first (what every valid message needs, several times cheaper); the list only to explain a failure.
        if (!schema.Evaluate(root, FlagOnly).IsValid)
        {
            return "schema: " + FirstError(schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List }));
        }
        string serial = root.GetProperty("serial").GetString()!;
        string site = root.GetProperty("site").GetString()!;
        if (serial != address.Serial)
        {
            return $"wrong serial: the payload says {serial}, the topic {address.Serial}";
        }
        if (site != address.Site)
        {
            return $"wrong site: the payload says {site}, the topic {address.Site}";
        }
        return null;
    }

    static string FirstError(EvaluationResults result)
    {
        // A failed "if" is not an error; the deepest location names the field.
        var failed = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if")).ToList();
        var first = failed.OrderByDescending(d => d.InstanceLocation.ToString().Length).FirstOrDefault();
        if (first == null)
        {
            return result.Errors?.Values.FirstOrDefault() ?? "not valid";
        }
        string at = first.InstanceLocation.ToString();
        return Clip($"{(at.Length == 0 ? "/" : at)}: {first.Errors!.Values.First()}");
    }

    static string Clip(string s) => s.Length > 200 ? s[..200] + "..." : s;
}
