using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A rule of a <c>TCPRoute</c>: where connections go, split by weight.</summary>
public sealed class TcpRouteRule
{
    /// <summary>The weighted backends (1 to 16).</summary>
    [JsonPropertyName("backendRefs")]
    [YamlMember(Alias = "backendRefs")]
    public List<BackendRef>? BackendRefs { get; set; }
}
