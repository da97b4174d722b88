using System;
using System.Security.Cryptography;
using System.Text;

namespace PosSlot.Fleet.Store;

/// <summary>The first 8 bytes of the SHA-256 of a message's text, as a signed 64-bit key column.</summary>
public static class StateDigest
{
    public static long Of(string json)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(json), hash);
        return BitConverter.ToInt64(hash[..8]);
    }
}
