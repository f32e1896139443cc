using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of a <c>TCPRoute</c>.</summary>
public sealed class TcpRouteSpec
{
    /// <summary>The parents: the Service (mesh form) whose connections are split, on one port or (without a port) on all of them.</summary>
    [JsonPropertyName("parentRefs")]
    [YamlMember(Alias = "parentRefs")]
    public List<ParentReference>? ParentRefs { get; set; }

    /// <summary>The rules: exactly one in <c>v1</c> (and the only number Linkerd accepts), up to 16 in <c>v1alpha2</c>.</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<TcpRouteRule>? Rules { get; set; }
}
