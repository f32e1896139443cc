using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of a <c>GRPCRoute</c>.</summary>
public sealed class GrpcRouteSpec
{
    /// <summary>
    /// The host names (<c>:authority</c>) the route selects, <c>*.</c> allowed as the first label; every host name when
    /// absent. Mesh routes are selected by their parent Service and leave it out; Linkerd's egress routes name the hosts.
    /// </summary>
    [JsonPropertyName("hostnames")]
    [YamlMember(Alias = "hostnames")]
    public List<string>? Hostnames { get; set; }

    /// <summary>The parents: the Service (mesh form) whose calls are routed.</summary>
    [JsonPropertyName("parentRefs")]
    [YamlMember(Alias = "parentRefs")]
    public List<ParentReference>? ParentRefs { get; set; }

    /// <summary>The rules.</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<GrpcRouteRule>? Rules { get; set; }
}
