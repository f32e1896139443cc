namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.transport_sockets.tls.v3 (envoy/extensions/transport_sockets/tls/v3/{tls,common,secret}.proto).

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext</c>.</summary>
internal static class UpstreamTlsContextFields
{
    public const int CommonTlsContext = 1;
    public const int Sni = 2;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext</c>.</summary>
internal static class DownstreamTlsContextFields
{
    public const int CommonTlsContext = 1;
    public const int RequireClientCertificate = 2;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.CommonTlsContext</c>.</summary>
internal static class CommonTlsContextFields
{
    public const int TlsCertificates = 2;
    public const int ValidationContext = 3;
    public const int AlpnProtocols = 4;
    public const int TlsCertificateSdsSecretConfigs = 6;
    public const int CombinedValidationContext = 8;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.CommonTlsContext.CombinedCertificateValidationContext</c>.</summary>
internal static class CombinedCertificateValidationContextFields
{
    public const int DefaultValidationContext = 1;
    public const int ValidationContextSdsSecretConfig = 2;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.TlsCertificate</c>.</summary>
internal static class TlsCertificateFields
{
    public const int CertificateChain = 1;
    public const int PrivateKey = 2;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig</c>.</summary>
internal static class SdsSecretConfigFields
{
    public const int Name = 1;
    public const int SdsConfig = 2;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext</c>.</summary>
internal static class CertificateValidationContextFields
{
    public const int TrustedCa = 1;
    public const int MatchTypedSubjectAltNames = 15;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher</c>.</summary>
internal static class SubjectAltNameMatcherFields
{
    public const int SanType = 1;
    public const int Matcher = 2;
}

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher.SanType</c>.</summary>
internal enum SanType
{
    SanTypeUnspecified = 0,
    Email = 1,
    Dns = 2,
    Uri = 3,
    IpAddress = 4,
}
