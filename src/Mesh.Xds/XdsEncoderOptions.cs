namespace Mesh.Xds;

/// <summary>Options of <see cref="XdsEncoder"/>.</summary>
public sealed record XdsEncoderOptions
{
    /// <summary>The default options.</summary>
    public static XdsEncoderOptions Default { get; } = new();

    /// <summary>The Kubernetes cluster domain used in fully qualified names.</summary>
    /// <value><c>cluster.local</c>.</value>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>The cluster connect timeout when no destination policy sets one.</summary>
    /// <value>10 seconds (Istio's default).</value>
    public TimeSpan DefaultConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// An extra check of each regular expression before it is encoded, for the engine of the xDS clients (for
    /// example a binding to the RE2 library they run): returns null when it can run the pattern, or the reason it
    /// cannot (reported as <c>MESH4010</c>). Every model's regexes are checked anyway by model validation, which
    /// <see cref="XdsEncoder.Compile"/> runs first, with <see cref="Mesh.Validation.Re2.Check"/>, the SDK's RE2 syntax
    /// checker (<c>MESH2013</c>/<c>MESH2014</c>); this check runs only on models that pass it.
    /// </summary>
    /// <value>null: no check beyond model validation.</value>
    public Func<string, string?>? RegexCheck { get; init; }

    /// <summary>The SPIFFE trust domain of workload identities, used in RBAC principals (<c>spiffe://domain/ns/x/sa/y</c>).</summary>
    /// <value><c>cluster.local</c>.</value>
    public string TrustDomain { get; init; } = "cluster.local";

    /// <summary>The port the sidecar's inbound listener (<c>virtualInbound</c>) listens on; traffic is redirected to it.</summary>
    /// <value>15006 (Istio's).</value>
    public int InboundPort { get; init; } = 15006;

    /// <summary>The SDS secret name of the workload certificate used for upstream mTLS.</summary>
    /// <value><c>default</c> (Istio's name).</value>
    public string CertificateSecretName { get; init; } = "default";

    /// <summary>The SDS secret name of the trusted root certificates used for upstream mTLS.</summary>
    /// <value><c>ROOTCA</c> (Istio's name).</value>
    public string RootCaSecretName { get; init; } = "ROOTCA";

    /// <summary>
    /// The CA bundle file on the proxy that verifies servers for client TLS (<c>simple</c> or <c>mutual</c>) when the policy
    /// names neither <c>caCertificates</c> nor a credential: the system's roots.
    /// </summary>
    /// <value><c>/etc/ssl/certs/ca-certificates.crt</c> (Debian, Ubuntu and Istio's proxy image).</value>
    public string SystemCaFile { get; init; } = "/etc/ssl/certs/ca-certificates.crt";

    /// <summary>
    /// The suffix of the SDS secret holding a credential's CA certificates, after the credential name (Istio's convention):
    /// the CA that verifies servers for client TLS, and the CA that verifies client certificates on a gateway listener with
    /// mutual TLS.
    /// </summary>
    /// <value><c>-cacert</c>.</value>
    public string CaCertificateSecretSuffix { get; init; } = "-cacert";
}
