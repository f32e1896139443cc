using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>TLS an Envoy uses towards its backends (client side).</summary>
public sealed class ClientPolicyTls
{
    /// <summary>Whether TLS is required; absent means <c>true</c>.</summary>
    [JsonPropertyName("enforce")]
    [YamlMember(Alias = "enforce")]
    public bool? Enforce { get; set; }

    /// <summary>The backend ports the policy applies to; absent means every port.</summary>
    [JsonPropertyName("ports")]
    [YamlMember(Alias = "ports")]
    public List<int>? Ports { get; set; }

    /// <summary>The client certificate presented for mutual TLS (file or SDS).</summary>
    [JsonPropertyName("certificate")]
    [YamlMember(Alias = "certificate")]
    public TlsCertificate? Certificate { get; set; }

    /// <summary>How backend certificates are validated (required).</summary>
    [JsonPropertyName("validation")]
    [YamlMember(Alias = "validation")]
    public TlsValidationContext? Validation { get; set; }
}
