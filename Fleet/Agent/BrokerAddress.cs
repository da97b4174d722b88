using System;

namespace PosSlot.Fleet.Agent;

/// <summary>--broker mqtt://HOST:PORT or mqtts://HOST:PORT (TLS); the port defaults to 1883 / 8883.</summary>
public sealed record BrokerAddress(string Host, int Port, bool Tls)
{
    public static BrokerAddress? Parse(string url, out string why)
    {
        why = "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts") || uri.Host.Length == 0)
        {
            why = $"{url}: give mqtt://HOST:PORT or mqtts://HOST:PORT";
            return null;
        }
        if (uri.UserInfo.Length > 0)
        {
            // A password in a URL ends up in shell history and process lists.
            why = "put no credentials in the URL: use --username and --password-file";
            return null;
        }
        bool tls = uri.Scheme == "mqtts";
        return new BrokerAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port, tls);
    }

    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
