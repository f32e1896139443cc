namespace Mesh.Providers.AppMesh;

/// <summary>
/// The certificate source written for mTLS: App Mesh terminates and originates TLS with certificates it does not issue, so
/// the listener's <c>tls.certificate</c> and the clients' <c>validation.trust</c> name where they are provisioned.
/// </summary>
public sealed record AppMeshTlsOptions
{
    /// <summary>The kind of source.</summary>
    /// <value>Defaults to <see cref="AppMeshCertificateSource.Sds"/> (SPIRE's agent over SDS).</value>
    public AppMeshCertificateSource Source { get; set; } = AppMeshCertificateSource.Sds;

    /// <summary>The SPIFFE trust domain of <see cref="AppMeshCertificateSource.Sds"/>: a node's certificate is <c>spiffe://&lt;domain&gt;/ns/&lt;namespace&gt;/&lt;node&gt;</c>, trusted by <c>spiffe://&lt;domain&gt;</c>.</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string TrustDomain { get; set; } = "cluster.local";

    /// <summary>The certificate chain file of <see cref="AppMeshCertificateSource.File"/> in the Envoy container.</summary>
    /// <value>Defaults to <c>/certs/cert_chain.pem</c>.</value>
    public string CertificateChainPath { get; set; } = "/certs/cert_chain.pem";

    /// <summary>The private key file of <see cref="AppMeshCertificateSource.File"/>.</summary>
    /// <value>Defaults to <c>/certs/key.pem</c>.</value>
    public string PrivateKeyPath { get; set; } = "/certs/key.pem";

    /// <summary>The trusted CA chain file of <see cref="AppMeshCertificateSource.File"/>.</summary>
    /// <value>Defaults to <c>/certs/ca_chain.pem</c>.</value>
    public string TrustChainPath { get; set; } = "/certs/ca_chain.pem";

    /// <summary>
    /// The CA bundle of the Envoy image's operating system, trusted by a destination's client TLS that names no CA file or
    /// credential (App Mesh requires a trust source), and read back as "the system's roots".
    /// </summary>
    /// <value>Defaults to <c>/etc/pki/tls/certs/ca-bundle.crt</c> (Amazon Linux, the base of App Mesh's Envoy image).</value>
    public string SystemTrustChainPath { get; set; } = "/etc/pki/tls/certs/ca-bundle.crt";

    /// <summary>The ACM certificate of <see cref="AppMeshCertificateSource.Acm"/> listeners.</summary>
    /// <value>Defaults to null: required for ACM.</value>
    public string? CertificateArn { get; set; }

    /// <summary>The ACM Private CA that clients trust with <see cref="AppMeshCertificateSource.Acm"/>.</summary>
    /// <value>Defaults to null: required for ACM.</value>
    public string? CertificateAuthorityArn { get; set; }
}
