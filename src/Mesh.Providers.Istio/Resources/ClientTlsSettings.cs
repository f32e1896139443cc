using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>TLS a client originates to a destination (<c>trafficPolicy.tls</c>).</summary>
public sealed class ClientTlsSettings
{
    /// <summary><c>DISABLE</c>, <c>SIMPLE</c>, <c>MUTUAL</c> or <c>ISTIO_MUTUAL</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }

    /// <summary>The client certificate file (MUTUAL with files).</summary>
    [JsonPropertyName("clientCertificate")]
    [YamlMember(Alias = "clientCertificate")]
    public string? ClientCertificate { get; set; }

    /// <summary>The client private key file (MUTUAL with files).</summary>
    [JsonPropertyName("privateKey")]
    [YamlMember(Alias = "privateKey")]
    public string? PrivateKey { get; set; }

    /// <summary>The CA bundle file that verifies the server.</summary>
    [JsonPropertyName("caCertificates")]
    [YamlMember(Alias = "caCertificates")]
    public string? CaCertificates { get; set; }

    /// <summary>The secret holding the client certificate, key and CA certificates.</summary>
    [JsonPropertyName("credentialName")]
    [YamlMember(Alias = "credentialName")]
    public string? CredentialName { get; set; }

    /// <summary>Names the server certificate must carry.</summary>
    [JsonPropertyName("subjectAltNames")]
    [YamlMember(Alias = "subjectAltNames")]
    public List<string>? SubjectAltNames { get; set; }

    /// <summary>The SNI sent in the handshake.</summary>
    [JsonPropertyName("sni")]
    [YamlMember(Alias = "sni")]
    public string? Sni { get; set; }

    /// <summary>Skip verifying the server certificate.</summary>
    [JsonPropertyName("insecureSkipVerify")]
    [YamlMember(Alias = "insecureSkipVerify")]
    public bool? InsecureSkipVerify { get; set; }

    /// <summary>A certificate revocation list file.</summary>
    [JsonPropertyName("caCrl")]
    [YamlMember(Alias = "caCrl")]
    public string? CaCrl { get; set; }
}
