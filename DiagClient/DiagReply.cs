using System.Text.Json;

namespace PosSlot.DiagClient;

/// <summary>A machine-mode reply body: {"ok":true,"data":{...}} or {"ok":false,"err":{"code":N,"msg":"..."}}.</summary>
public sealed record DiagReply(bool Ok, JsonElement Data, int ErrorCode, string ErrorMessage, string Body)
{
    public static DiagReply Parse(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        bool ok = root.GetProperty("ok").GetBoolean();
        if (ok)
        {
            return new DiagReply(true, root.GetProperty("data").Clone(), 0, "", body);
        }
        var err = root.GetProperty("err");
        return new DiagReply(false, default, err.GetProperty("code").GetInt32(), err.GetProperty("msg").GetString() ?? "", body);
    }

    public string Text(string name) => Data.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText()) : "";
}
