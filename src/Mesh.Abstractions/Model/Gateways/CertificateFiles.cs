namespace Mesh.Model;

/// <summary>A gateway's certificate as files on its workloads (Istio's <c>serverCertificate</c>, <c>privateKey</c>, <c>caCertificates</c>).</summary>
public sealed record CertificateFiles
{
    /// <summary>The PEM certificate chain's path.</summary>
    public required string CertificateChain { get; init; }

    /// <summary>The PEM private key's path.</summary>
    public required string PrivateKey { get; init; }

    /// <summary>The PEM CA bundle's path that client certificates are verified against (mutual TLS); null otherwise.</summary>
    public string? CaCertificates { get; init; }
}
