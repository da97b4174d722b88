using System;

namespace PosSlot.Fleet.Ingest;

/// <summary><c>mqtt://HOST[:PORT]</c> (1883) or <c>mqtts://HOST[:PORT]</c> (8883, TLS). Credentials never go in it.</summary>
public sealed record BrokerUrl(string Host, int Port, bool Tls)
{
    public static BrokerUrl Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts") || uri.Host.Length == 0)
        {
            throw new FormatException("use mqtt://HOST:PORT or mqtts://HOST:PORT");
        }
        if (uri.UserInfo.Length > 0)
        {
            throw new FormatException("no credentials in the URL; use --username and --password-file");
        }
        var tls = uri.Scheme == "mqtts";
        return new BrokerUrl(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port, tls);
    }

    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
