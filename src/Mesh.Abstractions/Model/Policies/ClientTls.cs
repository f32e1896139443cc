using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// How clients open TLS to a destination (TLS origination) and verify it. YAML:
/// <c>tls: { mode: simple, sni: api.example.com, subjectAltNames: [api.example.com], credentialName: api-ca }</c>.
/// Certificates are named, never embedded: <see cref="CredentialName"/> is a secret the proxy is given (SDS), and
/// <see cref="CaCertificates"/> a CA bundle file already on the proxy.
/// </summary>
public sealed record ClientTls
{
    /// <summary>Whether and how TLS is originated.</summary>
    /// <value>Defaults to <see cref="ClientTlsMode.Simple"/>.</value>
    public ClientTlsMode Mode { get; init; } = ClientTlsMode.Simple;

    /// <summary>The server name sent in the TLS handshake (SNI), or null for the host called.</summary>
    public string? Sni { get; init; }

    /// <summary>Names the server certificate must carry (DNS names or URIs such as SPIFFE ids); empty to accept the host's name.</summary>
    public EquatableArray<string> SubjectAltNames { get; init; }

    /// <summary>The path of a CA bundle on the proxy that verifies the server, or null for the credential's or the system's roots.</summary>
    public string? CaCertificates { get; init; }

    /// <summary>The name of a secret holding the client certificate and key (<see cref="ClientTlsMode.Mutual"/>) and/or the CA certificates, delivered to the proxy by name.</summary>
    public string? CredentialName { get; init; }

    /// <summary>Skip verifying the server certificate (for tests and migrations only).</summary>
    public bool InsecureSkipVerify { get; init; }
}
