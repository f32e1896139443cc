using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>How a <c>BackendTLSPolicy</c> verifies the server: exactly one of <see cref="CaCertificateRefs"/> and <see cref="WellKnownCaCertificates"/>, and the host name.</summary>
public sealed class BackendTlsValidation
{
    /// <summary>The SNI sent, and the name the certificate must carry unless <see cref="SubjectAltNames"/> are given. Required.</summary>
    [JsonPropertyName("hostname")]
    [YamlMember(Alias = "hostname")]
    public string? Hostname { get; set; }

    /// <summary>Names of which the server certificate must carry one (instead of <see cref="Hostname"/>), at most 5.</summary>
    [JsonPropertyName("subjectAltNames")]
    [YamlMember(Alias = "subjectAltNames")]
    public List<SubjectAltName>? SubjectAltNames { get; set; }

    /// <summary>Objects in the policy's namespace holding the CA bundle (key <c>ca.crt</c>): a ConfigMap (core support) or another kind (implementation-specific), at most 8.</summary>
    [JsonPropertyName("caCertificateRefs")]
    [YamlMember(Alias = "caCertificateRefs")]
    public List<LocalObjectReference>? CaCertificateRefs { get; set; }

    /// <summary>A well-known set of CA certificates: <c>System</c> (the system roots) or an implementation's prefixed name.</summary>
    [JsonPropertyName("wellKnownCACertificates")]
    [YamlMember(Alias = "wellKnownCACertificates")]
    public string? WellKnownCaCertificates { get; set; }
}
