namespace Mesh.Providers.AppMesh;

/// <summary>Where App Mesh's Envoy gets its TLS certificates.</summary>
public enum AppMeshCertificateSource
{
    /// <summary>An SDS provider (SPIRE's agent): <c>certificate.sds.secretName</c>.</summary>
    Sds,

    /// <summary>Files mounted in the Envoy container: <c>certificate.file</c>.</summary>
    File,

    /// <summary>AWS Certificate Manager (listener) and ACM Private CA (trust): <c>certificate.acm</c>.</summary>
    Acm,
}
