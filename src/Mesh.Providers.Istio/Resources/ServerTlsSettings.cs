using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The TLS settings of a <c>Gateway</c> server.</summary>
public sealed class ServerTlsSettings
{
    /// <summary>Whether an HTTP server answers with a redirect to HTTPS.</summary>
    [JsonPropertyName("httpsRedirect")]
    [YamlMember(Alias = "httpsRedirect")]
    public bool? HttpsRedirect { get; set; }

    /// <summary><c>PASSTHROUGH</c>, <c>SIMPLE</c>, <c>MUTUAL</c>, <c>AUTO_PASSTHROUGH</c>, <c>ISTIO_MUTUAL</c> or <c>OPTIONAL_MUTUAL</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }

    /// <summary>The path of the server certificate file.</summary>
    [JsonPropertyName("serverCertificate")]
    [YamlMember(Alias = "serverCertificate")]
    public string? ServerCertificate { get; set; }

    /// <summary>The path of the private key file.</summary>
    [JsonPropertyName("privateKey")]
    [YamlMember(Alias = "privateKey")]
    public string? PrivateKey { get; set; }

    /// <summary>The path of the CA bundle that client certificates are verified against.</summary>
    [JsonPropertyName("caCertificates")]
    [YamlMember(Alias = "caCertificates")]
    public string? CaCertificates { get; set; }

    /// <summary>The Secret holding the certificate, key and (for mutual TLS) CA.</summary>
    [JsonPropertyName("credentialName")]
    [YamlMember(Alias = "credentialName")]
    public string? CredentialName { get; set; }

    /// <summary>The subject alternative names a client certificate must carry.</summary>
    [JsonPropertyName("subjectAltNames")]
    [YamlMember(Alias = "subjectAltNames")]
    public List<string>? SubjectAltNames { get; set; }
}
