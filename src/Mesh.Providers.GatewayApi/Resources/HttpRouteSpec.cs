using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>The spec of an <c>HTTPRoute</c>.</summary>
public sealed class HttpRouteSpec
{
    /// <summary>
    /// The host names (<c>Host</c> header) the route selects, <c>*.</c> allowed as the first label; every host name when
    /// absent. Mesh routes are selected by their parent Service and leave it out; Linkerd's egress routes name the hosts.
    /// </summary>
    [JsonPropertyName("hostnames")]
    [YamlMember(Alias = "hostnames")]
    public List<string>? Hostnames { get; set; }

    /// <summary>The parents: the Service (mesh form) whose traffic is routed.</summary>
    [JsonPropertyName("parentRefs")]
    [YamlMember(Alias = "parentRefs")]
    public List<ParentReference>? ParentRefs { get; set; }

    /// <summary>The rules.</summary>
    [JsonPropertyName("rules")]
    [YamlMember(Alias = "rules")]
    public List<HttpRouteRule>? Rules { get; set; }
}
