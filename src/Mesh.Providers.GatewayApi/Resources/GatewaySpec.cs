using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of a <c>Gateway</c>.</summary>
public sealed class GatewaySpec
{
    /// <summary>The gateway class whose implementation provisions the gateway.</summary>
    [JsonPropertyName("gatewayClassName")]
    [YamlMember(Alias = "gatewayClassName")]
    public string? GatewayClassName { get; set; }

    /// <summary>The listeners.</summary>
    [JsonPropertyName("listeners")]
    [YamlMember(Alias = "listeners")]
    public List<Listener>? Listeners { get; set; }
}
