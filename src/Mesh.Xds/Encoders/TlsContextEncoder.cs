using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// The TLS transport sockets: an <c>UpstreamTlsContext</c> on outbound clusters (the mesh's mTLS with Istio's
/// <c>istio</c> ALPN and the SNI, or TLS origination), a <c>DownstreamTlsContext</c> requiring a client certificate on
/// inbound filter chains — both taking the workload certificate and the trust bundle over SDS from ADS, by the secret
/// names in <see cref="XdsEncoderOptions"/> — and a gateway listener's <c>DownstreamTlsContext</c> with its own certificate.
/// </summary>
internal static class TlsContextEncoder
{
    /// <summary>
    /// The <c>core.v3.TransportSocket</c> holding an <c>UpstreamTlsContext</c>, as <paramref name="field"/> of its message: the
    /// mesh's mTLS (workload certificate and trust bundle over SDS, Istio's ALPN) or TLS origination to another server.
    /// </summary>
    public static void Upstream<TSink>(ref TSink s, int field, UpstreamTlsPlan tls, XdsEncoderOptions options) where TSink : IProtoSink, allows ref struct
    {
        BeginTransportSocket(ref s, field, TypeUrlBytes.UpstreamTlsContext);
        s.Begin(UpstreamTlsContextFields.CommonTlsContext);
        if (tls.Mode == Model.ClientTlsMode.Mesh) CommonTlsContext(ref s, options, istioAlpn: true, tls.SubjectAltNames);
        else OriginationContext(ref s, tls);
        s.End();
        s.String(UpstreamTlsContextFields.Sni, tls.Sni);
        EndTransportSocket(ref s);
    }

    /// <summary>
    /// The content of a <c>CommonTlsContext</c> for TLS to a server outside the mesh's identity: the client certificate
    /// over SDS (mutual), and the server's verification by a CA file, or a CA secret over SDS — or none (verification skipped).
    /// </summary>
    private static void OriginationContext<TSink>(ref TSink s, UpstreamTlsPlan tls) where TSink : IProtoSink, allows ref struct
    {
        // In field-number order: validation_context (3), tls_certificate_sds_secret_configs (6), combined_validation_context (8).
        if (tls.CaSecret is null && tls.CaFile is { } caFile) CaFileValidation(ref s, caFile, tls.SubjectAltNames);
        Secrets(ref s, tls.CertificateSecret, tls.CaSecret, tls.SubjectAltNames);
    }

    /// <summary>A <c>validation_context</c> trusting the CA file and matching the subject alternative names.</summary>
    private static void CaFileValidation<TSink>(ref TSink s, string caFile, Collections.EquatableArray<string> subjectAltNames) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(CommonTlsContextFields.ValidationContext);
        s.Begin(CertificateValidationContextFields.TrustedCa);
        s.String(DataSourceFields.Filename, caFile);
        s.End();
        SubjectAltNames(ref s, subjectAltNames);
        s.End();
    }

    /// <summary>
    /// The certificate over SDS (<c>tls_certificate_sds_secret_configs</c>) and the CA over SDS with the subject alternative
    /// names (<c>combined_validation_context</c>), each when given; in field-number order.
    /// </summary>
    private static void Secrets<TSink>(ref TSink s, string? certificate, string? caSecret, Collections.EquatableArray<string> subjectAltNames) where TSink : IProtoSink, allows ref struct
    {
        if (certificate is not null)
        {
            s.Begin(CommonTlsContextFields.TlsCertificateSdsSecretConfigs);
            SdsSecret(ref s, certificate);
            s.End();
        }
        if (caSecret is not null)
        {
            s.Begin(CommonTlsContextFields.CombinedValidationContext);
            s.Begin(CombinedCertificateValidationContextFields.DefaultValidationContext);
            SubjectAltNames(ref s, subjectAltNames);
            s.End();
            s.Begin(CombinedCertificateValidationContextFields.ValidationContextSdsSecretConfig);
            SdsSecret(ref s, caSecret);
            s.End();
            s.End();
        }
    }

    /// <summary>The <c>match_typed_subject_alt_names</c> of a validation context: a URI matcher for names with a scheme, else DNS.</summary>
    private static void SubjectAltNames<TSink>(ref TSink s, Collections.EquatableArray<string> names) where TSink : IProtoSink, allows ref struct
    {
        foreach (var name in names)
        {
            s.Begin(CertificateValidationContextFields.MatchTypedSubjectAltNames);
            s.Varint(SubjectAltNameMatcherFields.SanType, (ulong)(name.Contains("://", StringComparison.Ordinal) ? SanType.Uri : SanType.Dns));
            s.Begin(SubjectAltNameMatcherFields.Matcher);
            s.String(StringMatcherFields.Exact, name);
            s.End();
            s.End();
        }
    }

    /// <summary>The <c>core.v3.TransportSocket</c> holding a <c>DownstreamTlsContext</c> that requires a client certificate.</summary>
    public static void Downstream<TSink>(ref TSink s, int field, XdsEncoderOptions options) where TSink : IProtoSink, allows ref struct
    {
        BeginTransportSocket(ref s, field, TypeUrlBytes.DownstreamTlsContext);
        s.Begin(DownstreamTlsContextFields.CommonTlsContext);
        CommonTlsContext(ref s, options, istioAlpn: false, default);
        s.End();
        s.Begin(DownstreamTlsContextFields.RequireClientCertificate);
        s.Bool(WrapperFields.Value, true);
        s.End();
        EndTransportSocket(ref s);
    }

    /// <summary>
    /// The <c>core.v3.TransportSocket</c> holding the <c>DownstreamTlsContext</c> of a gateway listener that terminates TLS:
    /// its certificate by SDS secret name or as files, ALPN <c>h2</c> and <c>http/1.1</c> for HTTPS, and for mutual TLS a
    /// required client certificate verified against the CA (an SDS secret, or a file) and the subject alternative names.
    /// </summary>
    public static void Gateway<TSink>(ref TSink s, int field, DownstreamTlsPlan tls) where TSink : IProtoSink, allows ref struct
    {
        BeginTransportSocket(ref s, field, TypeUrlBytes.DownstreamTlsContext);
        s.Begin(DownstreamTlsContextFields.CommonTlsContext);
        // In field-number order: tls_certificates (2), validation_context (3), alpn_protocols (4),
        // tls_certificate_sds_secret_configs (6), combined_validation_context (8).
        if (tls.Files is { } files)
        {
            s.Begin(CommonTlsContextFields.TlsCertificates);
            s.Begin(TlsCertificateFields.CertificateChain);
            s.String(DataSourceFields.Filename, files.CertificateChain);
            s.End();
            s.Begin(TlsCertificateFields.PrivateKey);
            s.String(DataSourceFields.Filename, files.PrivateKey);
            s.End();
            s.End();
            if (tls.Mutual && files.CaCertificates is { } caFile) CaFileValidation(ref s, caFile, tls.SubjectAltNames);
        }
        if (tls.Http)
        {
            s.Utf8(CommonTlsContextFields.AlpnProtocols, "h2"u8);
            s.Utf8(CommonTlsContextFields.AlpnProtocols, "http/1.1"u8);
        }
        Secrets(ref s, tls.CertificateSecret, tls.CaSecret, tls.SubjectAltNames);
        s.End();
        if (tls.Mutual)
        {
            s.Begin(DownstreamTlsContextFields.RequireClientCertificate);
            s.Bool(WrapperFields.Value, true);
            s.End();
        }
        EndTransportSocket(ref s);
    }

    private static void BeginTransportSocket<TSink>(ref TSink s, int field, ReadOnlySpan<byte> typeUrl) where TSink : IProtoSink, allows ref struct
    {
        s.Begin(field);
        s.Utf8(TransportSocketFields.Name, "envoy.transport_sockets.tls"u8);
        Fields.BeginAny(ref s, TransportSocketFields.TypedConfig, typeUrl);
    }

    private static void EndTransportSocket<TSink>(ref TSink s) where TSink : IProtoSink, allows ref struct
    {
        Fields.EndAny(ref s);
        s.End();
    }

    /// <summary>The content of a <c>CommonTlsContext</c>: the certificate and the validation context over SDS.</summary>
    private static void CommonTlsContext<TSink>(ref TSink s, XdsEncoderOptions options, bool istioAlpn, Collections.EquatableArray<string> subjectAltNames) where TSink : IProtoSink, allows ref struct
    {
        if (istioAlpn) s.Utf8(CommonTlsContextFields.AlpnProtocols, "istio"u8);
        s.Begin(CommonTlsContextFields.TlsCertificateSdsSecretConfigs);
        SdsSecret(ref s, options.CertificateSecretName);
        s.End();
        s.Begin(CommonTlsContextFields.CombinedValidationContext);
        s.Begin(CombinedCertificateValidationContextFields.DefaultValidationContext);
        SubjectAltNames(ref s, subjectAltNames);
        s.End();
        s.Begin(CombinedCertificateValidationContextFields.ValidationContextSdsSecretConfig);
        SdsSecret(ref s, options.RootCaSecretName);
        s.End();
        s.End();
    }

    private static void SdsSecret<TSink>(ref TSink s, string name) where TSink : IProtoSink, allows ref struct
    {
        s.String(SdsSecretConfigFields.Name, name);
        Fields.AdsConfigSource(ref s, SdsSecretConfigFields.SdsConfig);
    }
}
