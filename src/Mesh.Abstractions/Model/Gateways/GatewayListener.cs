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
}
