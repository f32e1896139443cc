using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of an <c>IngressGateway</c> (only what its report names).</summary>
public sealed class IngressGatewaySpec
{
    /// <summary>The listeners.</summary>
    [JsonPropertyName("listeners")]
    [YamlMember(Alias = "listeners")]
    public List<IngressListener>? Listeners { get; set; }
}
