using System;

namespace PosSlot.Fleet;

/// <summary>
/// <c>mqtt://HOST[:PORT]</c> (1883) or <c>mqtts://HOST[:PORT]</c> (8883, TLS): the --broker of every fleet command.
/// Credentials never go in it (a password in a URL ends up in shell history and process lists), and a refusal
/// never repeats one.
/// </summary>
public sealed record BrokerUrl(string Host, int Port, bool Tls)
{
    /// <summary>The broker, or null with why not in one line that holds no credentials.</summary>
    public static BrokerUrl? TryParse(string text, out string why)
    {
        why = "";
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            why = "put no credentials in the URL: use --username and --password-file";
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts") || uri.Host.Length == 0)
        {
            why = $"{text}: give mqtt://HOST:PORT or mqtts://HOST:PORT";
            return null;
        }
        var tls = uri.Scheme == "mqtts";
        return new BrokerUrl(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port, tls);
    }

    public static BrokerUrl Parse(string text) => TryParse(text, out var why) ?? throw new FormatException(why);

    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
