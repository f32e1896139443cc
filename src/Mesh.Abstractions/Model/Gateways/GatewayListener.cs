using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// One port of a <see cref="Gateway"/>: its protocol, the host names it serves and, for HTTPS and TLS, how it handles TLS.
/// Two listeners of a gateway share a port only with the same protocol and distinct host names.
/// </summary>
public sealed record GatewayListener
{
    /// <summary>The listener's name (a DNS label), unique in its gateway; routes may bind to it by name.</summary>
    public required string Name { get; init; }

    /// <summary>The port (1–65535).</summary>
    public required int Port { get; init; }

    /// <summary>What the listener accepts.</summary>
    public required ListenerProtocol Protocol { get; init; }

    /// <summary>The host names it serves: exact names, or a leading <c>*.</c> wildcard; empty or <c>*</c>: every host.</summary>
    public EquatableArray<string> Hosts { get; init; }

    /// <summary>TLS settings: required for <see cref="ListenerProtocol.Https"/> and <see cref="ListenerProtocol.Tls"/>, absent otherwise.</summary>
    public GatewayTls? Tls { get; init; }

    /// <summary>For an HTTP listener: answer every request with a redirect to HTTPS (301) instead of routing it.</summary>
    public bool HttpsRedirect { get; init; }

    /// <summary>
    /// Whether <paramref name="other"/> is on this listener's port with a protocol that cannot share it: one port has one
    /// protocol, except that HTTPS and TLS listeners may share one (told apart by SNI).
    /// </summary>
    /// <param name="other">Another listener of the gateway.</param>
    /// <returns>True when the two cannot both listen there.</returns>
    public bool ProtocolClashesWith(GatewayListener other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Port == other.Port && Protocol != other.Protocol && !(IsTlsBased(Protocol) && IsTlsBased(other.Protocol));
    }

    /// <summary>
    /// A host that this listener and <paramref name="other"/>, on the same port, both serve exactly — <c>*</c> when both serve
    /// every host — or null. Wildcards that merely overlap are allowed (the longer match wins).
    /// </summary>
    /// <param name="other">Another listener of the gateway.</param>
    /// <returns>The shared host, or null when the two serve distinct hosts or listen on different ports.</returns>
    public string? SharedHost(GatewayListener other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Port != other.Port) return null;
        var all = Hosts.IsEmpty || Hosts.Contains("*");
        var otherAll = other.Hosts.IsEmpty || other.Hosts.Contains("*");
        if (all && otherAll) return "*";
        if (all || otherAll) return null;
        return Hosts.FirstOrDefault(h => other.Hosts.Any(x => string.Equals(x, h, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool IsTlsBased(ListenerProtocol protocol) => protocol is ListenerProtocol.Https or ListenerProtocol.Tls;
}
