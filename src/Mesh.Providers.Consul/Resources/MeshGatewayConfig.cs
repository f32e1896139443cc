using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A mesh gateway mode.</summary>
public sealed class MeshGatewayConfig
{
    /// <summary><c>none</c>, <c>local</c> or <c>remote</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }
}
