using System.Globalization;
using System.Security.Cryptography;

namespace Mesh.Xds.Server.Protocol;

/// <summary>
/// Response nonces: a random prefix drawn once per server instance and a counter. Replicas fed the same inputs send the
/// same versions (content hashes) but never the same nonce, so a nonce a client carries over from another replica (or
/// from this one before a restart) is never taken for an answer to a response this stream sent.
/// </summary>
internal sealed class NonceSource
{
    private readonly string _prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private long _counter;

    public string Next() => string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{Interlocked.Increment(ref _counter):x}");
}
