using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of a <c>BackendTLSPolicy</c>.</summary>
public sealed class BackendTlsPolicySpec
{
    /// <summary>The objects the policy applies to: Services (a port of one by <c>sectionName</c>), 1 to 16.</summary>
    [JsonPropertyName("targetRefs")]
    [YamlMember(Alias = "targetRefs")]
    public List<PolicyTargetReference>? TargetRefs { get; set; }

    /// <summary>How the server is verified; required.</summary>
    [JsonPropertyName("validation")]
    [YamlMember(Alias = "validation")]
    public BackendTlsValidation? Validation { get; set; }

    /// <summary>Implementation-specific TLS options (such as the minimum TLS version), at most 16; read to be reported, never written.</summary>
    [JsonPropertyName("options")]
    [YamlMember(Alias = "options")]
    public Dictionary<string, string>? Options { get; set; }
}
