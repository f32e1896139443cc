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

/// <summary><c>envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig</c>.</summary>
internal static class SdsSecretConfigFields
{
    public const int Name = 1;
    public const int SdsConfig = 2;
}
