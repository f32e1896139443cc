using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// A gateway listener's TLS: the mode and, unless it passes TLS through, the certificate — a credential the gateway
/// loads by name (a Kubernetes Secret; an SDS resource name in xDS) or files on the gateway's workloads.
/// YAML: <c>{ mode: terminate, credentialName: shop-cert }</c> or <c>{ mode: mutual, files: { certificateChain: /etc/certs/cert.pem, privateKey: /etc/certs/key.pem, caCertificates: /etc/certs/ca.pem } }</c>.
/// </summary>
public sealed record GatewayTls
{
    /// <summary>How the listener handles TLS.</summary>
    public GatewayTlsMode Mode { get; init; } = GatewayTlsMode.Terminate;

    /// <summary>The certificate (and for <see cref="GatewayTlsMode.Mutual"/> the CA) by name: a Secret in the gateway's namespace.</summary>
    public string? CredentialName { get; init; }

    /// <summary>The certificate as files mounted on the gateway's workloads (exclusive with <see cref="CredentialName"/>).</summary>
    public CertificateFiles? Files { get; init; }

    /// <summary>For <see cref="GatewayTlsMode.Mutual"/>: the subject alternative names a client certificate must carry; empty: any the CA signed.</summary>
    public EquatableArray<string> SubjectAltNames { get; init; }
}
